"""clause analyser: checks AI vendors' terms against the procurement requirements of Dutch public bodies."""
__version__ = "0.49.0"
