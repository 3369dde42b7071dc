-- Cases per channel; '(unknown)' where none was recorded.
SELECT coalesce(channel, '(unknown)') AS channel, count(*) AS cases
FROM period_cases
GROUP BY coalesce(channel, '(unknown)')
ORDER BY cases DESC, channel;
