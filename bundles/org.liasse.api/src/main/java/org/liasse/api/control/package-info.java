/**
 * Evaluation of the business controls and financial aggregates that plugins declare (control language:
 * {@code docs/controls.md}). The extender compiles them when a plugin loads; {@link org.liasse.api.control.ControlEngine}
 * hands out a compiled {@link org.liasse.api.control.ControlPlan} per questionnaire version, which evaluates any number
 * of dossiers without parsing anything.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.liasse.api.control;
