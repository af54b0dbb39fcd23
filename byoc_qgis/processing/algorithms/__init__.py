"""The ``byoc`` Processing algorithms, one module per group."""
