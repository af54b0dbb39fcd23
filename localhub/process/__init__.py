"""localhub's Process API: Evalscript V3 in V8 over BYOC tiles read from S3 through GDAL.

Modules, each with one job:

- ``request``: parse and validate a Process request body (bounds, data, output, responses, Accept header).
- ``crs``: opengis/urn CRS names, spatial references and geometry transforms.
- ``evalscript``: the V8 engine (mini-racer) with the Evalscript V3 harness and Sentinel Hub built-ins.
- ``reader``: GDAL warp of one tile's band files from ``/vsis3/`` into the request grid, choosing the overview.
- ``mosaic``: which tiles take part and how they combine (SIMPLE, ORBIT, TILE).
- ``encode``: sampleType rules and GeoTIFF/PNG/JPEG/JSON/tar/multipart encoders.
- ``service``: the pipeline tying the above together for one request.
- ``limits``: the JS time and heap limits of one request.
- ``worker``: a render worker process (V8 initialised on its own main thread; runs ``service`` for one job at a
  time).
- ``pool``: the pool of render workers the service submits requests to (crash/hang isolation, deadlines,
  replacement); its API is meant for batch processing too.
- ``api``: the FastAPI router for ``POST /api/v1/process`` (parses, loads the collection, awaits the pool).
"""
