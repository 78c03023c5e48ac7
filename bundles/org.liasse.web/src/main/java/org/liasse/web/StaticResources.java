package org.liasse.web;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * Publishes the web UI packaged under {@code /web} in this bundle (HTML pages, {@code app.css}, ES modules) at the
 * root path of the HTTP server. The REST API keeps its own, longer, servlet mapping {@code /api/*}.
 */
@Component(service = StaticResources.class)
@HttpWhiteboardResource(pattern = "/*", prefix = "/web")
public class StaticResources {
}
