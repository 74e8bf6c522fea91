-- Sample data, the same on every run (no random()): 2,000 customers, 500 products in 10 categories,
-- 20,000 orders spread over the customers, one to three lines each.

INSERT INTO customers (email, name, city, created_at)
SELECT 'customer' || i || '@example.com', 'Customer ' || i,
       (ARRAY ['Lisbon', 'Porto', 'Madrid', 'Seville', 'Lyon', 'Turin', 'Ghent', 'Leeds'])[1 + i % 8],
       timestamptz '2023-01-01 00:00+00' + i * interval '3 hours'
FROM generate_series(1, 2000) AS i;

INSERT INTO products (sku, name, category, price, stock)
SELECT 'SKU-' || lpad(i::text, 5, '0'), 'Product ' || i,
       (ARRAY ['books', 'games', 'garden', 'kitchen', 'music', 'office', 'outdoor', 'pets', 'tools', 'toys'])[1 + i % 10],
       (i * 37 % 9700) / 100.0 + 0.99, i * 13 % 200
FROM generate_series(1, 500) AS i;

INSERT INTO orders (customer_id, status, total, created_at, shipped_at)
SELECT 1 + (i * 7919) % 2000, (ARRAY ['new', 'paid', 'shipped', 'shipped', 'shipped', 'cancelled'])[1 + i % 6],
       0, timestamptz '2024-01-01 00:00+00' + i * interval '20 minutes',
       CASE WHEN i % 6 IN (2, 3, 4) THEN timestamptz '2024-01-02 00:00+00' + i * interval '20 minutes' END
FROM generate_series(1, 20000) AS i;

INSERT INTO order_lines (order_id, line, product_id, quantity, price)
SELECT o.id, l, 1 + (o.id * 31 + l * 17) % 500, 1 + (o.id + l) % 4, p.price
FROM orders o
CROSS JOIN LATERAL generate_series(1, 1 + o.id % 3) AS l
JOIN products p ON p.id = 1 + (o.id * 31 + l * 17) % 500;

UPDATE orders o SET total = s.total
FROM (SELECT order_id, sum(quantity * price) AS total FROM order_lines GROUP BY order_id) s
WHERE s.order_id = o.id;

ANALYZE customers;
ANALYZE products;
ANALYZE orders;
ANALYZE order_lines;
