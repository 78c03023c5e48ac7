package org.liasse.web;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.DispatcherType;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Requests and recording responses for the servlet and filter tests, without a server. */
final class FakeHttp {

    private FakeHttp() {
    }

    /** A GET of this path at the root context, with these headers. */
    static HttpServletRequest request(String uri, Map<String, String> headers) {
        return request(uri, headers, DispatcherType.REQUEST);
    }

    /** The same, dispatched as given (e.g. to an error page). */
    static HttpServletRequest request(String uri, Map<String, String> headers, DispatcherType dispatch) {
        return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getRequestURI" -> uri;
                case "getDispatcherType" -> dispatch;
                case "getContextPath" -> "";
                case "getHeader" -> headers.get((String) args[0]);
                default -> throw new UnsupportedOperationException(method.getName());
            });
    }

    /** A response that records its status, headers, redirection and body. */
    static final class Recorded {
        int status = HttpServletResponse.SC_OK;
        final Map<String, String> headers = new HashMap<>();
        String redirect;
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        HttpServletResponse response() {
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                        case "setContentLength" -> headers.put("Content-Length", String.valueOf(args[0]));
                        case "setStatus", "sendError" -> status = (Integer) args[0];
                        case "sendRedirect" -> redirect = (String) args[0];
                        case "getOutputStream" -> {
                            return output();
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
        }

        private ServletOutputStream output() {
            return new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }
}
