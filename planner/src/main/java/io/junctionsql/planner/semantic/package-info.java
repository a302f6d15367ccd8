/**
 * The semantic model SAP Datasphere knows about its views (keys, associations, measures, currencies, units,
 * texts) and how it is read from CSN.
 */
package io.junctionsql.planner.semantic;
