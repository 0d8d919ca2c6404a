/**
 * The site's declaration of itself: its collections (where their entries live, their schema,
 * their references, URLs and templates), navigation and settings. The engine knows nothing of
 * any particular site; everything site-specific is declared here.
 */
package dev.explainer.config;
