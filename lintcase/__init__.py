"""lintcase: find contradictions between and within the renderings of a scholarly article."""
__version__ = "0.1.0"
