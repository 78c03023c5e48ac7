package org.liasse.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.PathParam;

import org.junit.jupiter.api.Test;

/**
 * Every REST operation of the bundle (every class carrying {@code @Path}, found on the class path, so a new resource
 * is checked without being listed here) declares who may call it and a perimeter that the filter can enforce.
 */
class AccessDeclarationTest {

    @Test
    void everyOperationDeclaresAnEnforceablePerimeter() throws IOException, URISyntaxException {
        List<Class<?>> resources = resources();
        assertTrue(resources.size() > 20, "the resources are found: " + resources);
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Class<?> resource : resources) {
            for (Method method : resource.getDeclaredMethods()) {
                if (Stream.of(method.getAnnotations())
                    .noneMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class))) {
                    continue;
                }
                operations++;
                String name = resource.getSimpleName() + "." + method.getName();
                Access access = method.getAnnotation(Access.class);
                if (access == null) {
                    problems.add(name + " declares no @Access");
                    continue;
                }
                problems.addAll(check(name, access, method));
            }
        }
        assertTrue(operations > 90, operations + " operations");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static List<String> check(String name, Access access, Method method) {
        List<String> problems = new ArrayList<>();
        Access.Level level = access.value();
        Access.Scope perimeter = access.perimeter();
        if (level == Access.Level.PUBLIC && perimeter != Access.Scope.NONE) {
            problems.add(name + ": a public operation reaches no organisation's data (perimeter NONE)");
        }
        if (level == Access.Level.ORGANISATION && perimeter != Access.Scope.TARGET) {
            problems.add(name + ": an organisation's operation has the perimeter TARGET");
        }
        if (perimeter == Access.Scope.NATIONAL && level != Access.Level.OPERATOR) {
            problems.add(name + ": a national resource is for operators (level OPERATOR)");
        }
        if (perimeter == Access.Scope.TARGET && level != Access.Level.ORGANISATION && level != Access.Level.OPERATOR) {
            problems.add(name + ": a target organisation is checked for members or operators only");
        }
        if (level == Access.Level.OPERATOR && access.operators().length == 0) {
            problems.add(name + ": an operators' operation lists their roles");
        }
        if (perimeter == Access.Scope.TARGET) {
            String parameter = access.target() == Access.Target.SIREN ? "siren" : "id";
            boolean present = Stream.of(method.getParameters()).map(Parameter::getAnnotations).flatMap(Stream::of)
                .anyMatch(a -> a instanceof PathParam p && p.value().equals(parameter));
            if (!present) {
                problems.add(name + ": its target " + access.target() + " is read from the path parameter {"
                    + parameter + "}, which it lacks");
            }
        }
        return problems;
    }

    private static List<Class<?>> resources() throws IOException, URISyntaxException {
        Path folder = Path.of(Access.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve("org/liasse/rest");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")
                && !f.getFileName().toString().contains("$")).sorted().toList()) {
                String name = "org.liasse.rest." + file.getFileName().toString().replace(".class", "");
                try {
                    Class<?> type = Class.forName(name);
                    if (type.isAnnotationPresent(javax.ws.rs.Path.class)) {
                        classes.add(type);
                    }
                } catch (ClassNotFoundException e) {
                    throw new AssertionError(name, e);
                }
            }
        }
        assertFalse(classes.isEmpty());
        return classes;
    }
}
