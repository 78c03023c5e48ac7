/**
 * Reading and validation of the definition files that plugin bundles carry under {@code META-INF/liasse/}.
 * Plain Java, free of OSGi and IO: the extender hands the files' content to {@link
 * org.liasse.extender.definition.DefinitionLoader}.
 */
package org.liasse.extender.definition;
