// The precompiled header's own program (tests/CMakeLists.txt): a target needs a source, and GoogleTest's main does the rest.
