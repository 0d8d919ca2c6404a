/**
 * Safe YAML: plain data only, typed by our own strict rules rather than YAML 1.1's, each value
 * carrying its position in the file.
 */
package dev.explainer.yaml;
