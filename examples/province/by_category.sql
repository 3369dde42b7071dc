-- The report's main breakdown (`plaint report --by category`) across the
-- offices: one line per category code; '(none)' for cases without one.
WITH per_case AS (
    SELECT c.office, c.case_id, coalesce(c.category, '(none)') AS category,
           c.accepted, c.status_role, c.open, c.workdays_to_close,
           count(d.rule) FILTER (WHERE d.state = 'met') AS met,
           count(d.rule) FILTER (WHERE d.state IN ('met', 'missed', 'overdue')) AS counted
    FROM period_cases c
    LEFT JOIN deadlines d ON d.office = c.office AND d.case_id = c.case_id
    GROUP BY c.office, c.case_id, c.category, c.accepted, c.status_role, c.open,
             c.workdays_to_close
)
SELECT category,
       count(*) AS received,
       count(*) FILTER (WHERE accepted) AS accepted,
       count(*) FILTER (WHERE status_role = 'rejected') AS rejected,
       count(*) FILTER (WHERE status_role = 'transferred') AS transferred,
       count(*) FILTER (WHERE status_role IN ('resolved', 'closed')) AS resolved,
       count(*) FILTER (WHERE status_role = 'withdrawn') AS withdrawn,
       count(*) FILTER (WHERE open) AS open,
       round(sum(met) / nullif(sum(counted), 0), 4) AS on_time_rate,
       round(quantile_cont(workdays_to_close, 0.5), 2) AS median_workdays_to_close
FROM per_case
GROUP BY category
ORDER BY received DESC, category;
