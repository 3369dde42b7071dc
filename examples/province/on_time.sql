-- Deadlines per rule across the offices, as the report's on-time table:
-- stopped counts both `stopped` (the case left the workflow in time) and
-- `ended` (it ended in time without the rule's milestone), as the report
-- does; running and paused deadlines are not counted yet.
SELECT rule, kind,
       count(*) FILTER (WHERE state = 'met') AS met,
       count(*) FILTER (WHERE state = 'missed') AS missed,
       count(*) FILTER (WHERE state = 'overdue') AS overdue,
       count(*) FILTER (WHERE state IN ('stopped', 'ended')) AS stopped,
       count(*) FILTER (WHERE state = 'not_tracked') AS not_tracked,
       round(met / nullif(met + missed + overdue, 0), 4) AS rate
FROM period_deadlines
GROUP BY rule, kind
ORDER BY rule, kind;
