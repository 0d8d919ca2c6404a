package dev.explainer.render;

/** A file the render stage makes besides the pages ({@code sitemap.xml}, {@code robots.txt}): its path below the output folder and its bytes. */
public record GeneratedFile(String path, byte[] bytes) {
}
