-- The offices' Parquet exports as three views: cases, events, deadlines.
-- Set the folder first: SET VARIABLE parquet = 'province';
-- (the folder every office exported into with
--  `plaint export --format parquet --out province`).
-- The office code and the year of receipt come from the folder names
-- (office=CODE/year=YYYY); codes stay text even when they are digits.
CREATE OR REPLACE VIEW cases AS
SELECT * FROM read_parquet(getvariable('parquet') || '/office=*/year=*/cases.parquet',
    hive_partitioning = true, hive_types = {'office': VARCHAR, 'year': INTEGER});

CREATE OR REPLACE VIEW events AS
SELECT * FROM read_parquet(getvariable('parquet') || '/office=*/year=*/events.parquet',
    hive_partitioning = true, hive_types = {'office': VARCHAR, 'year': INTEGER});

CREATE OR REPLACE VIEW deadlines AS
SELECT * FROM read_parquet(getvariable('parquet') || '/office=*/year=*/deadlines.parquet',
    hive_partitioning = true, hive_types = {'office': VARCHAR, 'year': INTEGER});

-- The cases of the period (received between period_start and period_end,
-- inclusive, on the office's own calendar day), as `plaint report` takes them.
CREATE OR REPLACE VIEW period_cases AS
SELECT * FROM cases
WHERE received_date BETWEEN getvariable('period_start') AND getvariable('period_end');

-- Their deadlines, as of the day each office exported (`as_of`).
CREATE OR REPLACE VIEW period_deadlines AS
SELECT d.* FROM deadlines d
JOIN period_cases c ON c.office = d.office AND c.case_id = d.case_id;
