-- The provincial quarterly table: `plaint report`'s totals line for each
-- office, and the province's total (office = 'total'), same definitions:
--   accepted      cases that ever entered an accepted state
--   rejected, transferred, withdrawn   cases now in a state of that role
--   resolved      cases now resolved or closed
--   open          cases still being handled
--   on_time_rate  met ÷ (met + missed + overdue), over every deadline
--   median_workdays_to_close  median working days from receipt to the
--                 first resolution or closing (the office's calendar)
--   forced_extensions  extensions recorded with --force beyond the source
--   satisfaction_rate  (very satisfied + satisfied + basically satisfied)
--                 ÷ answers; unreachable, declined and anonymous are no answer
WITH per_case AS (
    SELECT c.office, c.case_id, c.accepted, c.status_role, c.open,
           c.workdays_to_close, c.forced_extensions, c.satisfaction,
           count(d.rule) FILTER (WHERE d.state = 'met') AS met,
           count(d.rule) FILTER (WHERE d.state = 'missed') AS missed,
           count(d.rule) FILTER (WHERE d.state = 'overdue') AS overdue
    FROM period_cases c
    LEFT JOIN deadlines d ON d.office = c.office AND d.case_id = c.case_id
    GROUP BY c.office, c.case_id, c.accepted, c.status_role, c.open,
             c.workdays_to_close, c.forced_extensions, c.satisfaction
)
SELECT coalesce(office, 'total') AS office,
       count(*) AS received,
       count(*) FILTER (WHERE accepted) AS accepted,
       count(*) FILTER (WHERE status_role = 'rejected') AS rejected,
       count(*) FILTER (WHERE status_role = 'transferred') AS transferred,
       count(*) FILTER (WHERE status_role IN ('resolved', 'closed')) AS resolved,
       count(*) FILTER (WHERE status_role = 'withdrawn') AS withdrawn,
       count(*) FILTER (WHERE open) AS open,
       sum(met) AS met, sum(missed) AS missed, sum(overdue) AS overdue,
       round(sum(met) / nullif(sum(met) + sum(missed) + sum(overdue), 0), 4) AS on_time_rate,
       round(quantile_cont(workdays_to_close, 0.5), 2) AS median_workdays_to_close,
       sum(forced_extensions) AS forced_extensions,
       count(*) FILTER (WHERE satisfaction IN ('very-satisfied', 'satisfied', 'neutral')) AS satisfied,
       count(*) FILTER (WHERE satisfaction IN ('very-satisfied', 'satisfied', 'neutral', 'dissatisfied')) AS answers,
       round(satisfied / nullif(answers, 0), 4) AS satisfaction_rate
FROM per_case
GROUP BY ROLLUP (office)
ORDER BY office IS NULL, office;
