/**
 * The validate stage: checks every entry against its collection's JSON Schema (networknt's
 * validator) and every id for form and uniqueness, and types each entry's data as its schema
 * declares. Errors point at the offending key or value.
 *
 * <p>{@link dev.explainer.validate.Validator} runs the stage; {@link dev.explainer.validate.SchemaCompiler}
 * compiles schema files, {@link dev.explainer.validate.EntryChecker} checks one entry (its
 * messages worded by {@link dev.explainer.validate.SchemaMessages}, its data typed by
 * {@link dev.explainer.validate.TypedData}), and {@link dev.explainer.validate.EntryIds} holds the
 * rules for ids. {@link dev.explainer.validate.ValidationCache} is what a rebuild may reuse.
 */
package dev.explainer.validate;
