/**
 * The validate stage: checks every entry against its collection's JSON Schema (networknt's
 * validator) and every id for form and uniqueness, and types each entry's data as its schema
 * declares. Errors point at the offending key or value.
 */
package dev.explainer.validate;
