<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>byoc_qgis</name>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Project raster layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>S3 prefix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Rasters (*.tif *.tiff *.TIF *.TIFF *.vrt *.jp2 *.img)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>optional: split multi-band files into these bands, e.g. B02,B03,B04</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>From the path (template)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>One time for all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>None</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>empty: find a YYYYMMDD or YYYY-MM-DD date; or a pattern like %Y%m%d</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Band file pattern</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Bands of multi-band files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Tile path template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Sensing time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Sensing-time template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Sensing time for all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>COGify</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Cover geometry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Check the rasters first: nothing is uploaded before you confirm.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Upload and register</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Checking…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Checking the rasters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Checking the files in S3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Uploading and registering</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>When needed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Never</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Always</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Trace (all data inside)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Trace (no no-data inside)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Severity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Fix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Tick one or more raster layers of the project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>No raster found in the chosen input.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Check the rasters first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Add tiles to {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>see the BYOC log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>folder in bucket {}, e.g. tiles/2023</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Choose one or more raster files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Choose a folder of rasters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Pre-flight check for {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Pre-flight check of s3://{}/{}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>{} file(s) checked: {} error(s), {} warning(s). Layout errors are fixed by COGify; tiles with other errors will fail. Upload anyway?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>{} file(s) checked: ready for BYOC ({} warning(s)).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Adding tiles to {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>{} registered, {} already registered, {} failed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>The check failed: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/auth_chooser.py" />
            <source>Store a new authentication configuration in the QGIS auth manager (encrypted with the master password)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/auth_chooser.py" />
            <source>Store in the auth manager</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/auth_chooser.py" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/auth_chooser.py" />
            <source>BYOC credentials</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/auth_chooser.py" />
            <source>Give both the {} and the {} (or cancel the new configuration)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>New batch request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>Start batch request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>Stop batch request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>Batch results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>Select the collection to process in the Collections tab first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>Batch request {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>Starting {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>Stop batch request “{}” ({}, {:.0f}% done)?

Cells already processed stay delivered and are charged; the request can be started again later (Sentinel Hub allows it 30 minutes after a stop).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>Stopping {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>Results of {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>{} mosaic(s) and the cells layer added: {} of {} cells delivered, {} failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>Reading the results of {}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>batch {} cells</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>Started: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>Stopped: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>batch {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Tiling grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Mosaicking</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Evalscript template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Deliver to bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Folder or path template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>[Collection, grid and resolution]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Description</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>The resolutions the grid offers (metres; degrees for the WGS84 grid)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>bucket name (the connection's S3 keys must be able to write to it)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Cloud Optimized GeoTIFF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Register the outputs as a new BYOC collection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Show the cells on the map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Preview cells</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Start at once (analyse and process: uses processing units)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Create</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>°</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source> m</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Computing the grid cells…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Batch preview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Creating…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Resolution</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Choose an area (canvas, a layer or draw a rectangle)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>The area touches no cell of this grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>The evalscript is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Give the bucket the service delivers the outputs to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>New batch request on {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>{:.1f} {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>A folder (each request writes &lt;folder&gt;/&lt;requestId&gt;/&lt;tileName&gt;/&lt;outputId&gt;.&lt;format&gt;) or a template with the placeholders &lt;requestId&gt;, &lt;tileName&gt;, &lt;outputId&gt;, &lt;format&gt;, e.g. {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Batch preview of {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>The area touches more than {} cells of this grid: choose a smaller area or a coarser grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>{} grid cells of {} × {} px ({}); about {} uncompressed output</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Batch preview: {} cells</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Create a batch request on {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Batch request {} created: {} cells, {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>The connection has no S3 keys: the service needs them to write to bucket {} (Edit connection…)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_layers.py" />
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_layers.py" />
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_layers.py" />
            <source>Pending</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_layers.py" />
            <source>Processing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>{} d</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Completion: the share of grid cells processed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Processing units spent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Refresh batch requests</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>New batch request…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Stop…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Show results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Batch requests of the connection: Refresh to list them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Listing batch requests…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Listing batch requests</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Batch requests</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Following batch requests</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>{} s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>{} min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>{} h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>%</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>PU</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Age</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>No connection.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Batch requests could not be listed (see the message bar).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>{}
id {}
status {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>{} batch request(s) on {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>live progress stopped (see the message bar)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Batch requests of {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>delivered to {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>error: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>{} (see tooltip)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>{} running (live)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>live progress paused: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/clients.py" />
            <source>The plugin was unloaded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/clients.py" />
            <source>The credentials of {} were not read in time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/items.py" />
            <source>Browser: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/items.py" />
            <source>Sentinel Hub BYOC</source>
            <translation>Sentinel Hub BYOC</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/items.py" />
            <source>Sentinel Hub BYOC collections of the saved connections</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/items.py" />
            <source>(set by the first tile)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/items.py" />
            <source>Tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/items.py" />
            <source>unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/items.py" />
            <source>Connection {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/items.py" />
            <source>{}
id {}
bucket {}
bands {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/items.py" />
            <source>Tiles of {}: double-click or drag to the map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/items.py" />
            <source>Batch task {}
status {}
created {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/menus.py" />
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/menus.py" />
            <source>Add Tiles Layer to Project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/menus.py" />
            <source>New Connection…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/menus.py" />
            <source>New Collection…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/menus.py" />
            <source>Edit Connection…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/menus.py" />
            <source>Remove Connection…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/menus.py" />
            <source>Process…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/menus.py" />
            <source>Add Tiles…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/menus.py" />
            <source>Rename Collection…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/menus.py" />
            <source>Delete Collection…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Add tiles layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>New connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Edit connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Remove connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>New collection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Rename collection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Delete collection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Process</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Add tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>New collection {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Rename collection {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Delete collection {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Counting the tiles of {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Renamed to {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Deleted with its {} tiles; the S3 files stay</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Created on bucket {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/prompts.py" />
            <source>New name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>bucket name, e.g. my-bucket (CDSE: PROJECT_ID:bucket)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>optional, e.g. B02,B03,B04 (empty: configured by the first tile)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>optional, e.g. 0</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>Go on without the bucket check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>S3 bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>Bands</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>Band type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>No-data value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>Give a name and a bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>Checking bucket {}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>Checking bucket {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>Bucket check failed: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>Edit collection {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>The collection has {} tiles: the bucket and the band types can no longer change; bands can be renamed (same order).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>No-data value {!r} is not a number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>e.g. My Sentinel Hub account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Custom base URL (e.g. a local test service)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>empty: &lt;base URL&gt;/auth/realms/main/…/token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Client id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Client secret</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>New from client id / secret…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>from your Sentinel Hub dashboard (OAuth clients)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>stored encrypted in the QGIS auth manager</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Deployment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Base URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Token URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Credentials</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>S3 bucket access for uploads (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Access key id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Secret access key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>New from access keys…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>empty: AWS; else host[:port], e.g. eodata.example.com</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>HTTPS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Path-style addressing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Endpoint</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Region</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Test connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Get a token and list the collections; with S3 settings also check the keys and the buckets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Not tested yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Save connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Testing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Testing the Sentinel Hub connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Sentinel Hub connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Changed since the last test.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Give the base URL of the custom deployment, e.g. http://127.0.0.1:8000</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Give the connection a name (without '/')</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Choose the credentials, or create them with “New from client id / secret…”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>BYOC {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>BYOC {} S3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>The last test of this connection failed:

{}

Save it anyway?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Edit connection {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Choose the credentials first, or create them from a client id and secret</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Connected to {}: {} collection(s) visible.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>A connection named {!r} exists already</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>S3: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>S3 problem: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Batch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>BYOC tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Show tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Create or choose a connection first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Tiles of {}: {} tiles, {} selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>No connection: add one with the + button.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>live refresh stopped (see the message bar)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Testing {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Tiles of {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>{} tiles cannot be shown and were skipped (first: {}); details in the BYOC log tab</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Connection {} ({})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Loading the tiles of {}: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Loading the tiles of {}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Connected: {} collection(s) visible</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>{} still ingesting (refreshing)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_collections.py" />
            <source>Listing collections…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_collections.py" />
            <source>Listing BYOC collections</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_collections.py" />
            <source>Counting tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_collections.py" />
            <source>Edit collection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_collections.py" />
            <source>Collections could not be listed (see the message bar).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_collections.py" />
            <source>Collections of {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_collections.py" />
            <source>Saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_collections.py" />
            <source>{} collection(s) on {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_collections.py" />
            <source>{}
id {}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>New sensing time (UTC) for the %n selected tiles</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>Layer whose selected (or only) polygon becomes the cover of the selected tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>Update sensing time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>Set cover from a layer's feature</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>The copies point at the same paths: the target collection reads them from its own bucket.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>Copy tiles to another collection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>Why did these tiles fail?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>Delete tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>Remove the connection {}? Its credentials stay in the QGIS authentication database.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>Delete the collection {} and its {} tiles from Sentinel Hub?

The files in your S3 bucket stay; only the collection and its tile registrations are removed. This cannot be undone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>Delete the {} selected tiles from the collection? Their files in S3 stay.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_tiles.py" />
            <source>Save as GeoPackage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_tiles.py" />
            <source>Set cover from a layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_tiles.py" />
            <source>Re-trace cover</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_tiles.py" />
            <source>Reingest tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_tiles.py" />
            <source>Copy tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_tiles.py" />
            <source>Explain failure</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_tiles.py" />
            <source>Save tiles as GeoPackage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_tiles.py" />
            <source>GeoPackage (*.gpkg)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_tiles.py" />
            <source>No tiles layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_tiles.py" />
            <source>Refresh the collection list first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_tiles.py" />
            <source>There is no other collection to copy to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_tiles.py" />
            <source>{} tiles saved to {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Tiles: show the tiles of a collection, then select some in the map.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Collections</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Not connected.</source>
            <translation>Nicht verbunden.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>New connection…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Edit connection…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Test</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Test the connection: get a token and list the collections</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Search collections (on the service)…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>New collection…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Edit collection…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Delete collection…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Add tiles…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Update sensing time…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Set cover from a layer's feature…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Re-trace cover from the tile's COGs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Reingest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Delete tiles…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Copy to another collection…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Save tiles as GeoPackage…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Created</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/layer_tree.py" />
            <source>BYOC: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/notify.py" />
            <source>Cancelled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/notify.py" />
            <source>(details in the BYOC log tab)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/notify.py" />
            <source>Retry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/notify.py" />
            <source>The action failed: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/options_page.py" />
            <source>[next to the saved project, else in Documents]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/options_page.py" />
            <source>Rasters made by the Process dialog are saved here when no file is given. Empty: in byoc_results next to the saved project, else in Documents/Sentinel Hub BYOC.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/options_page.py" />
            <source>Processed rasters folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/outage_notices.py" />
            <source>service failing (HTTP {}) — retrying in {} s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/outage_notices.py" />
            <source>Live refresh stopped: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/outage_notices.py" />
            <source>service unreachable — retrying in {} s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/outage_notices.py" />
            <source>Service reachable again: live refresh resumed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_again.py" />
            <source>Process again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_again.py" />
            <source>Process again…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_again.py" />
            <source>Open the Process dialog with the request that made this raster</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_again.py" />
            <source>Reading collection {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_again.py" />
            <source>The connection {} that made {} does not exist here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>True colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>False colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Normalized difference</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Single band</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>All bands</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Extent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Format</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Save to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Most recent on top</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Least recent on top</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Metres per pixel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Pixel size (width × height)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Only tiles sensed between</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Insert template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>GeoTIFF (*.tif);;PNG (*.png);;JPEG (*.jpg)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Add as live view</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Add the collection to the map as a layer drawn through the Process API at any zoom, with this evalscript, time range and mosaicking order. Nothing is requested until the map shows it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Live view added</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Requesting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>and</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>The collection has no bands yet (no tile ingested): write the evalscript yourself.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Choose an extent (canvas, a layer or draw a rectangle)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>{} × {} px in {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Process {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>[Save in {}]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>too large for PNG/JPEG (2500 px at most): choose GeoTIFF or a coarser resolution</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Live view of {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Process request on {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>{} ({} × {} px) added to the map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>{0} holds only {1} samples but the evalscript outputs sampleType {2}: use sampleType AUTO with values scaled to 0..1 (or insert the template again), or choose GeoTIFF.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>{0} takes {1} bands but the evalscript outputs {2}: change the output's bands or choose GeoTIFF.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>The result {} could not be opened</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>split automatically into {} requests of at most 2500 px</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_results.py" />
            <source>all times</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_results.py" />
            <source>Evalscript:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_results.py" />
            <source>degrees</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_results.py" />
            <source>metres</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_results.py" />
            <source>{} to {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_results.py" />
            <source>Sentinel Hub BYOC collection {} ({}), connection {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_results.py" />
            <source>Time range: {}; mosaicking: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_results.py" />
            <source>{} × {} px in {}, {:g} × {:g} {} per pixel.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_results.py" />
            <source>Processed with the Sentinel Hub BYOC plugin on {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_results.py" />
            <source>Process API request: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tasks.py" />
            <source>Processing algorithm {} is not available (is the byoc provider loaded?)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>Show the tiles of a collection first, then select some tiles.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>The chosen feature has no geometry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>Copy tiles to {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>Select one or more FAILED tiles to explain.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>The service gave no cause.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>No pre-flight rule matches.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>(found by checking the tile's files)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>Select one or more tiles in the layer {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>{} tiles updated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>Cover set on {} tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>Reingestion requested for {} tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>{} tiles deleted; their S3 files stay</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>Cover traced again for {} of {} tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>{} tiles registered, {} were there already, {} no longer exist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>Pre-flight rule: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>Select exactly one feature in {} to use as the cover</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>Fix:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_layer.py" />
            <source>Loading the tiles of {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_layer.py" />
            <source>{} tiles of {} loaded in {:.1f} s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_layer.py" />
            <source>Could not add {} tiles to the layer {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_layer.py" />
            <source>Refreshing the tiles of {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_layer.py" />
            <source>Refreshing {} failed: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_layer.py" />
            <source>Tile {} ({}) of {} cannot be shown: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_layer.py" />
            <source>… and {} more tiles of {} cannot be shown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_memory.py" />
            <source>Ingested</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_memory.py" />
            <source>In progress: ingesting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_memory.py" />
            <source>In progress: queued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_memory.py" />
            <source>In progress: waiting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_memory.py" />
            <source>Other</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_open.py" />
            <source>There is no connection named {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_open.py" />
            <source>The name of collection {} could not be read: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_open.py" />
            <source>{} tiles loaded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_open.py" />
            <source>The layer {} stays in the project as it was; Retry, or Show tiles once the service answers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_restore.py" />
            <source>BYOC tiles layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_restore.py" />
            <source>Restoring the tiles layer {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_restore.py" />
            <source>{} tiles layer(s) need the connection(s) {}, which do not exist here: they stay in the project without tiles. Add the connection in the Sentinel Hub BYOC panel, then Show tiles.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_restore.py" />
            <source>The tiles layer {} needs the connection {}, which does not exist here: it stays in the project as it is, without tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/live/dialog_action.py" />
            <source>{} (live view)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/live/dialog_action.py" />
            <source>A live view shows 1 or 3 bands: choose another template than “{}”, or write the evalscript.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/live/layer.py" />
            <source>This evalscript cannot be shown as a live view: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/live/layer.py" />
            <source>BYOC live view {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/live/layer.py" />
            <source>QGIS could not create the live view layer: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/live/service.py" />
            <source>Live view “{}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/live/service.py" />
            <source>The connection “{}” does not exist on this computer. Create it (same name) in the BYOC panel, then refresh the map.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/live/service.py" />
            <source>The credentials of connection “{}” cannot be read: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/live/service.py" />
            <source>Zoom in to see this collection: the service renders it at {} m per pixel at most.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/plugin.py" />
            <source>Show or hide the Sentinel Hub BYOC panel</source>
            <translation>Sentinel-Hub-BYOC-Bereich ein- oder ausblenden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_common.py" />
            <source>Batch Processing API</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_common.py" />
            <source>Batch task id (empty: every task of the account)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_common.py" />
            <source>Batch task id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_common.py" />
            <source>TASK_ID {!r} is not a batch task id (a UUID such as the TASK_ID output of 'Create batch task')</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>UTM 20 km (id 0): 10, 20, 30, 60 m</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>UTM 10 km (id 1): 10, 20 m</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>UTM 100 km (id 2): 30, 60, 120, 240, 360 m</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>WGS84 1° (id 3): 0.0001, 0.0002°</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>LAEA 100 km (id 6, Europe): 40, 50, 100 m</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>LAEA 20 km (id 7, Europe): 10, 20 m</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Create batch task</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Creates a Batch Processing API (v2) task: the evalscript runs on the service over every cell of a tiling grid that touches the area (EXTENT, or the polygons of AOI), and each cell's outputs are written as GeoTIFF/COG files to your S3 bucket under PATH (placeholders &lt;requestId&gt;, &lt;tileName&gt;, &lt;outputId&gt;, &lt;format&gt;; a plain folder means &lt;folder&gt;/&lt;requestId&gt;/&lt;tileName&gt;/&lt;outputId&gt;.&lt;format&gt;). The service writes with the S3 keys of S3_AUTHCFG (or an IAM role, IAM_ROLE_ARN); they are sent in the request and never shown. RESOLUTION is in the grid's units and must be one it offers. The evalscript is the given text or file, or generated from the collection's bands as in 'Process request to raster'; OUTPUTS picks the evalscript outputs to deliver (default: all). CREATE_COLLECTION registers the COGs as a new BYOC collection (needs COG and &lt;outputId&gt; in PATH). The number of cells is computed before anything is sent (MAX_CELLS guards against huge areas). With START the service analyses the task and processes it at once (this costs processing units); otherwise start it with 'Start batch task'. Follow with 'Wait for batch task' and 'Batch results to layers'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Grid cells</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Delivery path template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Folder of the execution database and manifest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Area: extent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>…or area: polygon layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Resolution (grid units: metres, degrees for the WGS84 grid)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Buffer X (pixels each side)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Buffer Y (pixels)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>From (ISO 8601 date or time)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>To (ISO 8601 date or time)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Mosaicking order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Delivery S3 bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Path in the bucket (folder or template)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Cloud Optimized GeoTIFF outputs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Start now (analyse and process; uses processing units)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Give the area as EXTENT or as an AOI layer, not both</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Give the area: EXTENT or an AOI polygon layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>EXTENT is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>The AOI layer has no polygon</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>BUCKET: give the bare bucket name (no s3://, no folder)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Outputs to deliver (evalscript output ids, comma-separated; empty: all)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Overwrite existing output files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Skip cells whose outputs exist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>IAM role the service assumes to write (instead of S3 keys)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Check that the bucket is reachable with the S3 keys first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Refuse areas touching more grid cells than</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Batch task {} created ({} cells)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>{} grid cells of {} x {} px ({}); about {:.1f} MB uncompressed output</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>The area touches no cell of grid {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>The service needs S3 keys to write to bucket {}: choose S3 credentials (S3_AUTHCFG), set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or give IAM_ROLE_ARN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Batch task {} started: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>The area touches more than {} cells of grid {}: use a smaller area, a coarser grid or raise MAX_CELLS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Batch task {} was created but could not be started: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Batch results to layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Opens what a batch task delivered without downloading it: for each raster output a VRT mosaic of the delivered cell files, read from the bucket through GDAL /vsis3/ (one VRT per CRS when the cells span several UTM zones), added as raster layers; and the grid cells as a polygon layer with each cell's status (PENDING, DONE, FATAL), error ('No data' for cells without data) and output paths, from the task's execution database and feature manifest. Works while the task runs (what is delivered so far). S3_AUTHCFG (or the AWS_* variables) gives the keys of the delivery bucket: they stay in GDAL's per-bucket options while the layers are in the project and never appear in the VRTs or layer sources.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>No cell delivered yet: no mosaic</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Outputs (ids, comma-separated; empty: every raster output)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>CRS of the cells layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Folder for the VRT mosaics</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Mosaics</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Mosaics (VRT files)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Cells delivered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Cells without data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Cells failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Cells pending</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Task status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>{} cells: {} delivered, {} without data, {} failed, {} pending</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Batch task {}: {}, {:.0f}% done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Mosaic {}: {} cells → {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Batch task {} has no S3 delivery</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>GDAL {} keeps S3 settings per thread only: layers of {} read bucket {} with GDAL's own credentials (AWS_* variables)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Batch task {} is {}: its cells are known once it is analysed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Cell {} failed: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Start batch task</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Starts a batch task: a new task is analysed and then processed, a stopped one resumes (Sentinel Hub allows that 30 minutes after the stop). Processing costs processing units. With ANALYSE_ONLY the service only analyses it (cells and feature manifest), which costs nothing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Batch task status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Writes the status of one batch task (TASK_ID), or of every task of the account (optionally those matching SEARCH), to a table: status, last action, completion %, processing units spent, dates, grid, delivery path, error and the request as sent (S3 keys masked).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Wait for batch task</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Polls a batch task (with backoff, at most every POLL_MAX seconds) and shows its completion percentage until it is DONE, FAILED or STOPPED (or, with UNTIL = analysis, analysed). Cancelling this algorithm leaves the task running on the service unless STOP_ON_CANCEL is set: that is your confirmation, given in advance, that Cancel also stops the task (work done so far is still charged). FAIL_ON_FAILED makes the algorithm fail (and stops a model) when the task ends FAILED or STOPPED or was never started.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Stop batch task</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Stops a batch task that is being analysed, waits to be processed or is processing. Cells already rendered or in progress are kept (and charged); a stopped task can be started again later ('Start batch task'; Sentinel Hub allows it 30 minutes after the stop). Nothing happens unless CONFIRM is set.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Only analyse (no processing)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Search (words joined by | or &amp;; without a batch task id)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Batch tasks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Tasks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Status (one task)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Completion % (one task)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Wait until</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Give up after (seconds; the task keeps running)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Cancel also stops the batch task (confirmation)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Fail when the task ends FAILED or STOPPED, or was never started</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Completion %</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>I confirm: stop this batch task</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Batch task {}: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Longest pause between polls (seconds)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Batch task {}: {}, {:.0f}% done, {} PU</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Batch task {}: {} ({:.0f}% done)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>{} batch tasks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Analysed (cells known)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Batch task {} ended {}: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Batch task {} is {} and nobody started it: run 'Start batch task'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Not stopped: set CONFIRM to stop batch task {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Cancelled; batch task {} was stopped (STOP_ON_CANCEL): {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Cancelled; batch task {} keeps running on the service (stop it with 'Stop batch task', or set STOP_ON_CANCEL)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Create collection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Creates a BYOC collection for an S3 bucket and returns its id. Bands are optional: without them the service configures them from the first ingested tile (one band per file name). Give bands as 'B02,B03,B04' (one single-band file per band, of the chosen type) or as the service's JSON form. With 'Reuse an existing collection' a collection of the same name and bucket is returned instead of creating a second one (for re-runnable models). With S3 settings (S3_AUTHCFG, S3_ENDPOINT or the AWS_* environment variables) the bucket is checked first (it exists, the keys are accepted); a problem stops the algorithm with its fix unless CHECK_BUCKET is off.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>List collections</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Lists the account's BYOC collections as a table (id, name, bucket, bands, creation and sensing-time range). SEARCH filters on the server: one word, or words joined by | (or) and &amp; (and).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>The collection name is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>The bucket of a collection with tiles cannot change</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Give the bucket name only (no s3://, no folder)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Give one new name per band ({count} bands: {bands}); bands cannot be added or removed here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Band names must be different</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Update collection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Renames a BYOC collection, renames its bands or changes its no-data value; empty fields keep what the collection has. Band names are given in the bands' order, one per band (bands cannot be added or removed: the files keep their names, only the bands are renamed). The bucket can change only while the collection has no tiles. Nothing is sent when an edit would be refused.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Deletes a BYOC collection and all its tiles from Sentinel Hub. The files in your S3 bucket are not touched. Nothing happens unless CONFIRM is set.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Creating collection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>BANDS: expected a JSON object {name: {source, bandIndex, ...}}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Collection name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>S3 bucket (name only, no s3://)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Bands (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Band type (for a plain band list)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Collection no-data value (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Reuse an existing collection with this name and bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Check the bucket first (needs the S3 settings)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Collection id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>NAME is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>BUCKET must be a bucket name like my-bucket (no s3://, no folder)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Search (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Number of collections</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>New name (empty: keep)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>New S3 bucket (empty: keep; only without tiles)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>New band names, comma-separated in band order (empty: keep)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>New no-data value (empty: keep)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Remove the no-data value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>I confirm: delete the collection and all its tiles (S3 files stay)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Deleted collection id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Number of tiles deleted with it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Not deleted: set CONFIRM to delete the collection and its tiles (S3 files are kept)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Created collection {} ({}) on bucket {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>{} collections</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Updated collection {} ({})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Deleted collection {} ({}) and its {} tiles; the files in bucket {} are untouched</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>BANDS: band {!r} is listed twice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Bucket {} not checked: no S3 settings given (S3_AUTHCFG, S3_ENDPOINT)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>BANDS is not valid JSON: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>{} Nothing was created (set CHECK_BUCKET to false to create it anyway).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>{} Nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>BAND_NAMES: {} Nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Reusing collection {} ({})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>From the file path (template)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>One time for all (constant)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Create tiles from local rasters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Turns local rasters (layers, files or a folder) into tiles of a collection: groups band files into tiles by FILE_PATTERN (e.g. (BAND).tif: every folder is a tile, the file name is the band), or splits each multi-band raster into BAND_NAMES; checks every file against the BYOC rules and COGifies it when needed; traces the cover geometry; uploads to the collection's bucket at PATH_TEMPLATE and registers the tile with its sensing time. The bucket is checked once before uploading (exists, writable, keys accepted); each tile's files are checked against the collection's configured bands. Tiles run in parallel; S3 and service errors are retried. Re-running continues where it stopped: tile paths already registered are skipped, files already in S3 with the same content (MD5) are not sent again. A tile is registered only once all its files are in S3 and verified; existing S3 objects with other content are never deleted, and only replaced when OVERWRITE is set. With FAIL_ON_ERROR (the default) the algorithm fails when a tile failed; the output table lists the tile ids and statuses (chain it into 'Wait for ingestion'). PATH_TEMPLATE fields: {name} = the tile's folder relative to the input folder (or a multi-band file's path without extension), {tile} = its last part, and from the sensing time {year} {month} {day} {hour} {minute} {second} {doy} {date} (YYYYMMDD) {datetime}; e.g. {name}/(BAND).tif or {year}/{month}/{day}/{tile}/(BAND).tif.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Create tiles from an S3 prefix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Lists the collection's bucket under PREFIX, groups the band files into tiles by FILE_PATTERN (e.g. (BAND).tif: one tile per folder) and registers every tile that is not registered yet, with its sensing time from a template on the path (or a constant) and, optionally, a cover geometry traced from the remote COGs' overviews. Nothing is uploaded or deleted. With FAIL_ON_ERROR (the default) the algorithm fails when a tile failed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Fail (error exit, stops a model) when a tile fails; off: failures are only listed in the output</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Created tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Tiles registered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Tiles already registered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Tiles failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Summary: {} of {} tiles registered, {} already registered, {} failed, {} cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>From a raster metadata item (field)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Date pattern in the path (e.g. %Y%m%d or {year}-{month}-{day}; empty: found automatically)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Sensing time for all tiles (ISO 8601)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>a YYYYMMDD or YYYY-MM-DD date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Checking bucket {} at {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Cover: maximum points</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Tiles in parallel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Sensing time 'constant' needs SENSING_TIME, e.g. 2023-06-10T07:36:29Z</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>…or split multi-band rasters into these bands (e.g. B02,B03,B04,B08)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Tile path template in the bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Replace S3 objects that exist with different content</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Prefix in the bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>S3 bucket check failed: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>{} of {} tiles failed (the others are registered; run again to retry them); first: {}: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Metadata item with the time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>the date pattern {!r}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>No sensing time in {!r}: no {} was found; change SENSING_TIME_TEMPLATE or the sensing-time mode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>{} tiles to create in collection {} (bucket {})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Listing s3://{}/{}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Cancelled: {} tiles were registered before; run again to continue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>{}: no metadata item {} with a time; choose another sensing-time mode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>{} ({}): {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>{} files do not match FILE_PATTERN {!r}, e.g. {}; change the pattern or the inputs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>PATH_TEMPLATE {!r} must contain (BAND) once (it becomes each band file's name), e.g. {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Checking the tiles against the collection's bands: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>No file under s3://{}/{} matches {!r}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Pre-flight check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Checks rasters against Sentinel Hub's BYOC rules (valid COG, internal tiles 256–2048 px, header ≤ 1 MB, no JPEG, allowed CRS and data type, overviews, ≤ 10 chunky bands) without touching the service. With 'Check band files of a folder as one tile', the files are grouped into tiles by FILE_PATTERN exactly as 'Create tiles from local rasters' groups them and each tile is checked as a whole (same extension, footprints within one pixel; every tile with the same band files and data types); a file that matches no pattern is an error. The output table lists every finding with the file, the rule, the value found and how to fix it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Trace cover geometry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Traces where a raster has valid data (nodata, NaN, alpha and masks of all bands) from a coarse overview and fits the outline to at most MAX_POINTS points, as the cover geometry a BYOC tile needs. Policy 'contain all data' keeps every valid pixel inside (default); 'exclude nodata' keeps no-data collars out (for overlapping tiles). One feature per raster, or per tile when band files are traced as one tile (grouped by FILE_PATTERN as 'Create tiles' groups them); geometries are reprojected to OUTPUT_CRS and the GeoJSON in the raster's own CRS (what the service wants) is kept in the field cover_geojson.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Rasters (layers or files)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>…or a folder of rasters (searched recursively)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>No raster given: choose rasters in INPUT or a FOLDER that contains some</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Trace at an overview of about this many pixels (long side)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Band file pattern ((BAND) = band name)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Check band files of a folder as one tile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Fail when an error is found (stops a model)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Pre-flight findings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Number of errors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Number of warnings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Number of files checked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Trace band files of a folder as one tile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Cover policy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Maximum number of points</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Output CRS (default EPSG:4326)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Cover geometries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Number of covers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>{} is not under {}; give a FOLDER that contains every file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>{} files: {} errors, {} warnings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Pre-flight found {} errors; see the log (COGify fixes most of them)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Contain all data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Exclude nodata</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>{} matches no FILE_PATTERN: traced alone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Process request to raster</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Runs a Process API request on a BYOC collection and writes a georeferenced raster. The extent may be in any CRS; it is requested in CRS (default: the extent's CRS when the service accepts it, else EPSG:4326). Give RESOLUTION (in CRS units) or WIDTH and HEIGHT. Requests larger than 2500 px are split into a grid and mosaicked (GeoTIFF). The evalscript is the given text or file, or generated from the collection's bands: true/false colour (×SCALE into 0..1, 8-bit), normalized difference of two bands (float), one band or all bands as they are; for PNG and JPEG, which cannot hold 16-bit or float samples, the generated script scales the bands by their bit depth into 8-bit instead. TIME_FROM/TIME_TO limit the tiles used (a date alone means the whole day); MOSAICKING picks which tile is on top.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Give both TIME_FROM and TIME_TO, or neither (all times)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Request CRS (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Resolution (CRS units per pixel)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>…or width (px)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>…and height (px)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Width (px)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Height (px)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Process API request body (JSON)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Give RESOLUTION or WIDTH and HEIGHT, not both</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Give RESOLUTION (CRS units per pixel) or both WIDTH and HEIGHT</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>TIME_FROM {} is after TIME_TO {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Upsampling</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Downsampling</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Requesting {} x {} px in {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>CRS {} is not accepted by the Process API here; use EPSG:4326, 3857, 3035 or a UTM zone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>The service's {} answer could not be read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Could not write {}: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>{} x {} px is over 2500 px: PNG/JPEG cannot be split, use GeoTIFF or a coarser RESOLUTION</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Re-create the file with BLOCKSIZE=1024 at every level, e.g. gdal_translate -of COG -co BLOCKSIZE=1024 (the Add tiles dialog's COGify step does this).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Build internal AVERAGE overviews down to about 1024 px (COGify does this).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Check that every band file exists at the tile path in the collection's bucket (the (BAND) placeholder replaced by each band's source) and that Sentinel Hub may read the bucket.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Re-create the file with bigger internal tiles (BLOCKSIZE=1024) or split it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Re-compress with DEFLATE or ZSTD (COGify does this).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Drop the colour table / YCbCr and write plain grey or RGB bands (COGify).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Georeference the file (a geotransform and an EPSG CRS).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Reproject to EPSG:4326, 3857, 3035 or a UTM zone (COGify with reprojection).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Convert to UInt8, Int8, UInt16, Int16 or Float32 (COGify 'convert data type').</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Write one file per band or a band-interleaved GeoTIFF.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Give all files of the tile one extension, e.g. .tif.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Clip or warp all band files of a tile to the same extent (gdalwarp -te).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Upload a file for every band source of the collection, with the same names in every tile.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Convert the file to the bit depth of the collection's band.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Convert the file to the sample format of the collection's band.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Provide the missing band in the file or change the band's bandIndex.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Encode no-data as a value (GDAL_NODATA tag), e.g. COGify with a no-data value.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Explain ingestion failures</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Explains why tiles FAILED to ingest: the service's cause, the pre-flight rule it breaks and how to fix it. With S3 settings (and CHECK_FILES) the tile's files are checked in the bucket and the finding that is the service's cause gives the exact rule and fix; otherwise the cause is matched to a rule by its wording. Give tiles in TILES (e.g. the selected features of a tiles layer) or TILE_IDS; without either, every FAILED tile of the collection is explained. Tiles that did not fail are listed as NOT_FAILED. Nothing is changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Run the pre-flight check on the tile's files (Add tiles dialog) and fix what it reports, then reingest.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Re-trace tile covers from their COGs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Traces the cover geometry of the selected tiles again from their COGs in the collection's bucket (overviews read through /vsis3/; the (BAND) placeholder replaced by each band's source) and updates the tiles with it, e.g. after their files were replaced or a cover was set by hand. A tile without any valid pixel keeps its cover (NO_DATA). With FAIL_ON_ERROR (the default) the algorithm fails when a tile could not be traced or updated; the others are updated.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Registers the selected tiles of COLLECTION in TARGET_COLLECTION with the same path, sensing time and cover geometry. No file is copied: the target reads the same paths from its own bucket, so use a target on the same bucket (or copy the files first). Tiles whose path the target has already are kept as they are (ALREADY_REGISTERED); nothing is deleted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Source collection (id, or its exact name)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Target collection (id, or its exact name)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Check the tiles' files in S3 (needs S3 settings)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Explanations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Failed tiles explained</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Rules broken (comma-separated)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Fail when a tile could not be re-traced</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Tiles with a new cover</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Tiles registered in the target</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Tiles the target had already</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Tiles no longer in the source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Target collection id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>TARGET_COLLECTION is the source collection: choose another one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>{} FAILED tiles in collection {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>{} of {} tiles could not be re-traced (the others are updated); first: {}: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>The target reads bucket {} and the source {}: the tiles' files must be in both</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>the files could not be checked: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>{}: {} — rule {}: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Collection tiles to layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Loads the tiles of a collection into one polygon layer: cover geometries (or tile bounding boxes) reprojected from each tile's own CRS into OUTPUT_CRS (default EPSG:4326), with the fields tile_id, path, status, sensing_time, created, ingestion_start, failed_cause, native_crs and min/max metres per pixel. Tiles without any geometry yet (still waiting) are kept without geometry. Save the output as a GeoPackage to keep it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Wait for ingestion</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Waits until tiles are INGESTED or FAILED, polling with backoff, and writes their final status (with the service's failure cause) to a table. Give the tiles (e.g. the output table of 'Create tiles') or leave them empty to wait for every unfinished tile of the collection. With FAIL_ON_FAILED the algorithm fails when a tile failed (stops a model).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Update tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Updates registered tiles from the features of a layer that carries their ids (e.g. an edited tiles layer): the sensing time from a field or a constant, and/or the cover geometry from the feature's geometry (sent in EPSG:4326; at most 100 points). The tile's path and files are not changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Deletes the selected tiles from the collection. Their files in S3 are not touched (register them again with 'Create tiles'). Nothing happens unless CONFIRM is set.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Asks the service to ingest the selected tiles again, e.g. after their files were overwritten or a failure was fixed. Follow with 'Wait for ingestion'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Only tiles with status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Geometry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Number of tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Tiles skipped (unusable geometry or CRS)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Give up after (seconds)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Fail when a tile failed to ingest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Ingestion status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Tiles ingested</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Tiles still pending (timeout)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Layer with the tiles to update</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Tile id field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Sensing time field (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>…or one sensing time for all (ISO 8601, e.g. 2023-06-10T07:36:29Z)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Set the cover from the feature geometry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Update results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Tiles updated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Nothing to update: choose SENSING_TIME_FIELD, give SENSING_TIME or set UPDATE_COVER</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Tiles done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Not deleted: set CONFIRM to delete the tiles (S3 files are kept)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>{} tiles of collection {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>the tile no longer exists</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>{} ingested, {} failed, {} still pending</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>I confirm: delete these tiles (S3 files stay)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>{} of {} tiles done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Tile geometry (bounding box)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>{} tiles had an unusable geometry or CRS and were skipped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>{} tiles were still not finished after {:.0f} s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>{} tiles failed to ingest; first: {}: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>INPUT has no field {!r}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>All</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>{} tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>{} FAILED: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Tile {} ({}) skipped: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Feature for tile {} has no geometry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Cover for tile {} has {} points; the service accepts at most 100 (simplify it)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/base.py" />
            <source>Local files (no service)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/base.py" />
            <source>Process API</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/base.py" />
            <source>CONNECTION is a connection saved in the Sentinel Hub BYOC panel (deployment, credentials and S3 settings). The Advanced connection parameters serve qgis_process and models; given with a non-default value they override the saved connection's.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/base.py" />
            <source>Collection (id, or its exact name)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/base.py" />
            <source>{} is empty: give a collection id or name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/base.py" />
            <source>No collection is named {!r}; give its id instead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/base.py" />
            <source>{} collections are named {!r} ({}); give the id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/collection_widget.py" />
            <source>Choose a connection to list its collections, or type an id or name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/collection_widget.py" />
            <source>cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/collection_widget.py" />
            <source>Listing the collections of {}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/collection_widget.py" />
            <source>Collections cannot be listed: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/collection_widget.py" />
            <source>Choose one of {} collections, or type an id or name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>Sentinel Hub EU (services.sentinel-hub.com)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>Sentinel Hub US West (services-uswest2.sentinel-hub.com)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>Copernicus Data Space Ecosystem (sh.dataspace.copernicus.eu)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>Custom base URL (e.g. localhub)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>Connection (from the BYOC panel)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>A connection saved in the BYOC panel: deployment, credentials and S3 settings in one choice. The Advanced connection parameters, when given, override its values.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>Deployment 'Custom base URL' needs the custom base URL (BASE_URL), e.g. http://127.0.0.1:8000</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>No Sentinel Hub credentials: choose a connection, or an authentication configuration (Basic: client id / client secret) as the Sentinel Hub credentials, or set BYOC_CLIENT_ID and BYOC_CLIENT_SECRET in the environment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>S3 credentials</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>Sentinel Hub credentials (Basic auth configuration: client id / client secret)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>Custom base URL (deployment 'Custom', e.g. http://127.0.0.1:8000)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>Custom token URL (default: &lt;base URL&gt;/auth/realms/main/...)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>S3 credentials (Basic auth configuration: access key / secret key)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>S3 endpoint host[:port] (empty: AWS)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>S3 region</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>S3 over HTTPS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>S3 path-style addressing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>A custom base URL (BASE_URL) is only used with the deployment 'Custom base URL'; choose it or clear the custom base URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>Sentinel Hub credentials</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>No connection named {!r} is saved in the BYOC panel (saved: {})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/feedback.py" />
            <source>Cancelled by the user.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/inputs.py" />
            <source>Layer {!r} is not a GDAL raster (file); only file-based rasters can be used</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/inputs.py" />
            <source>Folder {!r} does not exist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>Custom (the evalscript below, or its file)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>True colour (BANDS = red,green,blue)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>False colour (BANDS = nir,red,green)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>Normalized difference (BANDS = a,b)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>Single band (BANDS = name)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>Give an EVALSCRIPT or EVALSCRIPT_FILE, or choose a generated evalscript</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>Evalscript</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>Bands for the generated evalscript</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>Scale for colour composites (value × scale = 0..1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>Evalscript (custom)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>…or evalscript file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>Collection {} has no bands yet (no tile ingested): give a custom EVALSCRIPT</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>This evalscript needs {} band names in BANDS; the collection has: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>EVALSCRIPT_FILE {}: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/provider.py" />
            <source>Sentinel Hub Bring Your Own COG</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/shipped_models.py" />
            <source>Create tiles, wait, process (example model)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/shipped_models.py" />
            <source>Example models</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/shipped_models.py" />
            <source>Create tiles, wait, batch (example model)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/tiles_common.py" />
            <source>Tiles (layer or table with a tile id field)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/tiles_common.py" />
            <source>…or tile ids (comma-separated)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/tiles_common.py" />
            <source>No tile selected: give TILES (a layer with tile ids) or TILE_IDS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/tiles_common.py" />
            <source>TILES has no field {!r}; choose the tile id field in TILE_ID_FIELD</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/tiles_common.py" />
            <source>broken geometry ({})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/tiles_common.py" />
            <source>EPSG:{} is not a CRS QGIS knows</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
