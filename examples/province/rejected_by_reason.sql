-- Rejected cases per reason code (the reason of the move into the
-- rejected state); '(none)' where none was given.
SELECT coalesce(rejection_reason, '(none)') AS reason, count(*) AS cases
FROM period_cases
WHERE status_role = 'rejected'
GROUP BY coalesce(rejection_reason, '(none)')
ORDER BY cases DESC, reason;
