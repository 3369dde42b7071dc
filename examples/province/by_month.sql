-- Cases received per month (of receipt, on the office's calendar day).
SELECT strftime(received_date, '%Y-%m') AS month, count(*) AS cases
FROM period_cases
GROUP BY month
ORDER BY month;
