/** The demo: an SAP-shaped sales data set and a campaign data set, built locally, and a showcase of federated queries. */
package io.junctionsql.server.demo;
