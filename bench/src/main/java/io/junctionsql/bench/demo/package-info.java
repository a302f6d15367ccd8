/** The demo's SAP-and-campaign data set at scale: the showcase and training-set queries on Junction and on a PostgreSQL oracle. */
package io.junctionsql.bench.demo;
