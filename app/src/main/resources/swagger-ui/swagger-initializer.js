// perpflow: Swagger UI over the app's own OpenAPI document. The API key is entered with "Authorize" and sent in the
// X-API-Key (or Authorization: Bearer) header, never in a URL; it is not kept across page loads. No validator or
// other outside service is called.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/api/v1/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    persistAuthorization: false,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
};
