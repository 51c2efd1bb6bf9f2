// Swagger UI over this node's own document (the webjar's initializer opens a demo document).
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    // Tags start collapsed: with about 130 operations open at once Swagger UI 5.34 stopped
    // rendering after the first tag in Chromium (found by ApiDocsBrowserTest), and a list of
    // 25 tags is the easier page to find an endpoint on anyway.
    docExpansion: "none",
    persistAuthorization: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout",
  });
};
