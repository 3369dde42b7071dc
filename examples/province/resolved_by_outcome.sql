-- Resolved or closed cases per outcome code; '(none)' where none was given.
SELECT coalesce(outcome, '(none)') AS outcome, count(*) AS cases
FROM period_cases
WHERE status_role IN ('resolved', 'closed')
GROUP BY coalesce(outcome, '(none)')
ORDER BY cases DESC, outcome;
