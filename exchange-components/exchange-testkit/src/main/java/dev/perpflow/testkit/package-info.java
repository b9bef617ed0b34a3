/**
 * Fake venue servers for offline tests: each speaks one venue's real protocol (paths, JSON shapes, signature
 * checks) on loopback, backed by camel-sim's matching engine. Venues add their fakes here as their components land.
 */
package dev.perpflow.testkit;
