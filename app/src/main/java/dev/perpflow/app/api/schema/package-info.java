/**
 * The REST API's request and response bodies as typed records, with the exact JSON keys the endpoints write. The REST
 * DSL names them ({@code responseModel}, {@code type}) so camel-openapi-java puts their schemas in the OpenAPI
 * document at {@code /api/v1/openapi.json}; {@code OpenApiContractTest} checks every key a live endpoint writes
 * against them. A key marked {@code required} is in every answer; the others only in some (see each record).
 */
package dev.perpflow.app.api.schema;
