-- Customer features, refactored: one pass over orders, the 30-day spend as a window function
-- (a RANGE frame of 29 days before each order), then one row per customer.
WITH rolling AS (
  SELECT customer_id,
         amount,
         ordered_at,
         sum(amount) OVER (
           PARTITION BY customer_id
           ORDER BY ordered_at
           RANGE BETWEEN INTERVAL '29 days' PRECEDING AND CURRENT ROW
         ) AS spend_30d
  FROM shop.orders
),
per_customer AS (
  SELECT customer_id,
         count(*) AS order_count,
         sum(amount) AS lifetime_value,
         max(spend_30d) AS max_spend_30d,
         max(ordered_at) AS last_order
  FROM rolling
  GROUP BY customer_id
)
SELECT c.id AS customer_id,
       coalesce(pc.order_count, 0) AS order_count,
       coalesce(pc.lifetime_value, 0) AS lifetime_value,
       coalesce(pc.max_spend_30d, 0) AS max_spend_30d,
       pc.last_order,
       CASE WHEN coalesce(pc.lifetime_value, 0) > 1000 THEN 'gold'
            WHEN coalesce(pc.lifetime_value, 0) >= 250 THEN 'silver'
            ELSE 'bronze'
       END AS tier
FROM shop.customers c
LEFT JOIN per_customer pc ON pc.customer_id = c.id
ORDER BY c.id;
