/**
 * Lighter's payloads as records that mirror the venue's JSON: component names are the wire's snake_case names in
 * camel case (the mapper of {@code LighterRestApi} translates them). Decimals as the venue writes them, read as
 * {@link java.math.BigDecimal}; prices and sizes in REST and stream payloads are human decimals (only signed
 * transactions carry integers scaled by a market's decimals). Wire units are noted per field; the venue publishes
 * no samples of the private payloads, so their shapes follow the API reference's models (lighter-python
 * {@code docs/*.md}). No mapping happens here; {@link dev.perpflow.component.lighter.LighterAdapters} decides what a
 * missing field means.
 */
package dev.perpflow.component.lighter.dto;
