/**
 * The control language ({@code docs/controls.md}): parser, type checker, compiler to closures over slot arrays and
 * to JVM bytecode, and the compiled plans that evaluate a questionnaire version's controls and aggregates on
 * prepared dossiers.
 */
package org.liasse.extender.control;
