-- Training-set extraction: one row per line item shipped since 1997, with order, customer and nation features.
SELECT
  l_orderkey,
  l_linenumber,
  l_quantity,
  l_extendedprice,
  l_discount,
  l_returnflag,
  l_shipdate,
  o_orderdate,
  o_orderpriority,
  c_custkey,
  c_mktsegment,
  c_acctbal,
  n_name
FROM
  lineitem
  JOIN orders ON o_orderkey = l_orderkey
  JOIN customer ON c_custkey = o_custkey
  JOIN nation ON n_nationkey = c_nationkey
WHERE
  l_shipdate >= DATE '1997-01-01'
