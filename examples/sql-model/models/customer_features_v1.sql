-- Customer features, as first written: aggregates over a join, and the largest 30-day spend
-- from a self-join of orders (each order with every order of its customer in the 30 days up to it).
WITH per_customer AS (
  SELECT c.id AS customer_id,
         count(o.id) AS order_count,
         coalesce(sum(o.amount), 0) AS lifetime_value,
         max(o.ordered_at) AS last_order
  FROM shop.customers c
  LEFT JOIN shop.orders o ON o.customer_id = c.id
  GROUP BY c.id
),
rolling AS (
  SELECT o.id, o.customer_id, sum(p.amount) AS spend_30d
  FROM shop.orders o
  JOIN shop.orders p
    ON p.customer_id = o.customer_id
   AND p.ordered_at BETWEEN o.ordered_at - 29 AND o.ordered_at
  GROUP BY o.id, o.customer_id
)
SELECT pc.customer_id,
       pc.order_count,
       pc.lifetime_value,
       coalesce((SELECT max(r.spend_30d) FROM rolling r WHERE r.customer_id = pc.customer_id), 0)
         AS max_spend_30d,
       pc.last_order,
       CASE WHEN pc.lifetime_value >= 1000 THEN 'gold'
            WHEN pc.lifetime_value >= 250 THEN 'silver'
            ELSE 'bronze'
       END AS tier
FROM per_customer pc
ORDER BY pc.customer_id;
