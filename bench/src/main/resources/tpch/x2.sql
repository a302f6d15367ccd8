-- Training-set extraction: one row per customer, with its segment, nation and order history.
SELECT
  c_custkey,
  c_mktsegment,
  c_acctbal,
  n_name,
  r_name,
  count(o_orderkey) AS order_count,
  sum(o_totalprice) AS total_spent,
  max(o_orderdate) AS last_order
FROM
  customer
  JOIN nation ON n_nationkey = c_nationkey
  JOIN region ON r_regionkey = n_regionkey
  LEFT JOIN orders ON o_custkey = c_custkey
GROUP BY
  c_custkey,
  c_mktsegment,
  c_acctbal,
  n_name,
  r_name
