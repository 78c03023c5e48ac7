package org.liasse.web;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * Publishes the files packaged under {@code /web} in this bundle ({@code app.css}, ES modules) at the root path of
 * the HTTP server; the HTML pages are assembled and served by {@link Pages}. The REST API keeps its own, longer,
 * servlet mapping {@code /api/*}.
 */
@Component(service = StaticResources.class)
@HttpWhiteboardResource(pattern = "/*", prefix = "/web")
public class StaticResources {
}
