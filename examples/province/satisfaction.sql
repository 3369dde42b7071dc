-- Follow-up answers standing for the cases (none once a case is reopened).
SELECT satisfaction, count(*) AS cases
FROM period_cases
WHERE satisfaction IS NOT NULL
GROUP BY satisfaction
ORDER BY cases DESC, satisfaction;
