/**
 * Decision logic and the execution core as plain Java classes a unit test can call without Camel: funding
 * normalization, the opportunity finder and fee model, the funding-arbitrage and grid strategies, the order and
 * atomic multi-leg executors, and the risk engine. Filled in by the funding, execution and strategy issues.
 */
package dev.perpflow.processors;
