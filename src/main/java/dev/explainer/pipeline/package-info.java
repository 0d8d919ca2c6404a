/**
 * Runs the stages (load, validate, link, render, write) for the command line and the live
 * preview. A builder made for rebuilds keeps each stage's results between its runs; a builder for
 * one build keeps nothing. (Named {@code pipeline}, not {@code build}, because tools and ignore
 * rules commonly take a {@code build/} folder for build output.)
 */
package dev.explainer.pipeline;
