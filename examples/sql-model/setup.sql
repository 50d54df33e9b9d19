-- The shop the feature queries read: 1,000 customers and their orders over 2024, generated
-- deterministically (no random()), so every run of this file gives the same rows. Every tenth
-- customer has no orders yet. Run it with: psql -d shop -f setup.sql
DROP SCHEMA IF EXISTS shop CASCADE;
CREATE SCHEMA shop;

CREATE TABLE shop.customers (
  id int8 PRIMARY KEY,
  region text NOT NULL,
  signed_up date NOT NULL
);

CREATE TABLE shop.orders (
  id int8 PRIMARY KEY,
  customer_id int8 NOT NULL REFERENCES shop.customers (id),
  ordered_at date NOT NULL,
  amount numeric(10, 2) NOT NULL
);

INSERT INTO shop.customers (id, region, signed_up)
SELECT i,
       (ARRAY['north', 'south', 'east', 'west'])[1 + i % 4],
       date '2023-01-01' + (i * 7) % 365
FROM generate_series(1, 1000) AS i;

INSERT INTO shop.orders (id, customer_id, ordered_at, amount)
SELECT i, x.customer_id, date '2024-01-01' + (i * 13) % 366, ((i * 37) % 20 + 1) * 12.50
FROM generate_series(1, 8000) AS i,
     LATERAL (SELECT 1 + (i * 7919) % 1000 AS customer_id) AS x
WHERE x.customer_id % 10 <> 0;

ANALYZE shop.customers;
ANALYZE shop.orders;
