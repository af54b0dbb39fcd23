<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>byoc_qgis</name>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="74" />
            <source>Files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="74" />
            <source>Folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="74" />
            <source>Project raster layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="74" />
            <source>S3 prefix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="83" />
            <source>Rasters (*.tif *.tiff *.TIF *.TIFF *.vrt *.jp2 *.img)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="98" />
            <source>optional: split multi-band files into these bands, e.g. B02,B03,B04</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="101" />
            <source>From the path (template)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="102" />
            <source>One time for all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="103" />
            <source>None</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="105" />
            <source>empty: find a YYYYMMDD or YYYY-MM-DD date; or a pattern like %Y%m%d</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="117" />
            <source>Band file pattern</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="118" />
            <source>Bands of multi-band files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="119" />
            <source>Tile path template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="120" />
            <source>Sensing time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="121" />
            <source>Sensing-time template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="122" />
            <source>Sensing time for all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="123" />
            <source>COGify</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="124" />
            <source>Cover geometry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="127" />
            <source>Check the rasters first: nothing is uploaded before you confirm.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="130" />
            <source>Check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="132" />
            <source>Upload and register</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="135" />
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="250" />
            <source>Checking…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="254" />
            <source>Checking the rasters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="303" />
            <source>Checking the files in S3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="340" />
            <source>Uploading and registering</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="110" />
            <source>When needed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="110" />
            <source>Never</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="110" />
            <source>Always</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="113" />
            <source>Trace (all data inside)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="113" />
            <source>Trace (no no-data inside)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="126" />
            <source>Severity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="126" />
            <source>File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="126" />
            <source>Rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="126" />
            <source>Message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="126" />
            <source>Fix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="205" />
            <source>Tick one or more raster layers of the project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="313" />
            <source>No raster found in the chosen input.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="329" />
            <source>Check the rasters first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="349" />
            <source>Add tiles to {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="365" />
            <source>see the BYOC log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="88" />
            <source>folder in bucket {}, e.g. tiles/2023</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="196" />
            <source>Choose one or more raster files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="201" />
            <source>Choose a folder of rasters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="252" />
            <source>Pre-flight check for {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="301" />
            <source>Pre-flight check of s3://{}/{}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="316" />
            <source>{} file(s) checked: {} error(s), {} warning(s). Layout errors are fixed by COGify; tiles with other errors will fail. Upload anyway?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="321" />
            <source>{} file(s) checked: ready for BYOC ({} warning(s)).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="339" />
            <source>Adding tiles to {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="352" />
            <source>{} registered, {} already registered, {} failed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" line="262" />
            <source>The check failed: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" line="39" />
            <source>The collection name is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" line="41" />
            <source>The bucket of a collection with tiles cannot change</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" line="43" />
            <source>Give the bucket name only (no s3://, no folder)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" line="83" />
            <source>bucket name, e.g. my-bucket (CDSE: PROJECT_ID:bucket)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" line="85" />
            <source>optional, e.g. B02,B03,B04 (empty: configured by the first tile)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" line="91" />
            <source>optional, e.g. 0</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" line="98" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" line="99" />
            <source>S3 bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" line="100" />
            <source>Bands</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" line="101" />
            <source>Band type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" line="102" />
            <source>No-data value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" line="57" />
            <source>Band names must be different</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" line="79" />
            <source>New collection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" line="150" />
            <source>Give a name and a bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" line="52" />
            <source>Give one new name per band ({} bands: {}); bands cannot be added or removed here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" line="79" />
            <source>Edit collection {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" line="120" />
            <source>The collection has {} tiles: the bucket and the band types can no longer change; bands can be renamed (same order).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" line="132" />
            <source>No-data value {!r} is not a number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="51" />
            <source>e.g. My Sentinel Hub account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="55" />
            <source>Custom base URL (e.g. a local test service)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="59" />
            <source>default: &lt;base URL&gt;/auth/realms/main/protocol/openid-connect/token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="63" />
            <source>…or paste a client id to store a new configuration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="66" />
            <source>client secret (stored encrypted in the QGIS auth manager)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="68" />
            <source>S3 bucket access for uploads (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="71" />
            <source>…or an access key id to store a new configuration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="75" />
            <source>empty: AWS; else host[:port], e.g. eodata.example.com</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="78" />
            <source>HTTPS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="80" />
            <source>Path-style addressing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="82" />
            <source>S3 credentials</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="83" />
            <source>Access key id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="84" />
            <source>Secret access key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="85" />
            <source>Endpoint</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="86" />
            <source>Region</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="95" />
            <source>Deployment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="96" />
            <source>Base URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="97" />
            <source>Token URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="98" />
            <source>Credentials</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="99" />
            <source>Client id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="100" />
            <source>Client secret</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="102" />
            <source>Test connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="257" />
            <source>Testing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="258" />
            <source>Testing the Sentinel Hub connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="46" />
            <source>Sentinel Hub connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="162" />
            <source>Give the base URL of the custom deployment, e.g. http://127.0.0.1:8000</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="170" />
            <source>Give both the client id and the client secret, or choose a stored configuration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="177" />
            <source>Give the connection a name (without '/')</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="192" />
            <source>Choose the credentials (a Basic configuration: client id / client secret)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="197" />
            <source>Give both the S3 access key id and the secret access key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="46" />
            <source>Edit connection {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="187" />
            <source>BYOC {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="199" />
            <source>BYOC {} S3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="236" />
            <source>Choose or enter the credentials first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="251" />
            <source>Connected to {}: {} collection(s) visible.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" line="219" />
            <source>A connection named {!r} exists already</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="221" />
            <source>BYOC tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="855" />
            <source>Save as GeoPackage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="80" />
            <source>Sentinel Hub BYOC</source>
            <translation>Sentinel Hub BYOC</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="117" />
            <source>New connection…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="119" />
            <source>Edit connection…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="122" />
            <source>Remove connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="129" />
            <source>Search collections (on the service)…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="145" />
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="146" />
            <source>New collection…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="147" />
            <source>Edit collection…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="149" />
            <source>Delete collection…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="152" />
            <source>Show tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="153" />
            <source>Add tiles…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="154" />
            <source>Process…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="157" />
            <source>Tiles: show the tiles of a collection, then select some in the map.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="164" />
            <source>Update sensing time…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="167" />
            <source>Set cover from a layer's feature…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="170" />
            <source>Re-trace cover from the tile's COGs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="172" />
            <source>Reingest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="174" />
            <source>Delete tiles…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="177" />
            <source>Copy to another collection…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="179" />
            <source>Explain failure</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="181" />
            <source>Save tiles as GeoPackage…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="193" />
            <source>Not connected.</source>
            <translation>Nicht verbunden.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="435" />
            <source>Listing collections…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="436" />
            <source>Listing BYOC collections</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="537" />
            <source>Delete collection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="677" />
            <source>Update sensing time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="707" />
            <source>Set cover from a layer's feature</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="759" />
            <source>Delete tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="779" />
            <source>Copy tiles to another collection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="784" />
            <source>The copies point at the same paths: the target collection reads them from its own bucket.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="824" />
            <source>Why did these tiles fail?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="842" />
            <source>Save tiles as GeoPackage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="842" />
            <source>GeoPackage (*.gpkg)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="851" />
            <source>No tiles layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="112" />
            <source>Connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="135" />
            <source>Bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="135" />
            <source>Created</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="242" />
            <source>Create or choose a connection first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="308" />
            <source>Tiles of {}: {} tiles, {} selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="337" />
            <source>No connection: add one with the + button.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="389" />
            <source>Connection {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="479" />
            <source>New collection {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="493" />
            <source>Counting the tiles of {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="518" />
            <source>Saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="557" />
            <source>Delete collection {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="612" />
            <source>Tiles of {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="716" />
            <source>Layer whose selected (or only) polygon becomes the cover of the selected tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="737" />
            <source>Re-trace cover</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="737" />
            <source>Refresh the collection list first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="776" />
            <source>Copy tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="776" />
            <source>There is no other collection to copy to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="378" />
            <source>Remove the connection {}? Its credentials stay in the QGIS authentication database.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="400" />
            <source>Testing {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="538" />
            <source>Delete the collection {} and its {} tiles from Sentinel Hub?

The files in your S3 bucket stay; only the collection and its tile registrations are removed. This cannot be undone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="613" />
            <source>Loading the tiles of {}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="760" />
            <source>Delete the {} selected tiles from the collection? Their files in S3 stay.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="310" />
            <source>{} still ingesting (refreshing)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="339" />
            <source>Connection {} ({})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="429" />
            <source>{} collection(s) on {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="433" />
            <source>Collections of {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="447" />
            <source>{}
id {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="619" />
            <source>Loading the tiles of {}: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="624" />
            <source>{} tiles loaded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="690" />
            <source>New sensing time (UTC) for the {} selected tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="859" />
            <source>{} tiles saved to {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="369" />
            <source>BYOC: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="402" />
            <source>Connected: {} collection(s) visible</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="483" />
            <source>Created on bucket {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="563" />
            <source>Deleted with its {} tiles; the S3 files stay</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/explain.py" line="110" />
            <source>Run the pre-flight check on the tile's files (Add tiles dialog) and fix what it reports, then reingest.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/explain.py" line="33" />
            <source>The service gave no cause.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/explain.py" line="34" />
            <source>No pre-flight rule matches.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/explain.py" line="35" />
            <source>(found by checking the tile's files)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/explain.py" line="69" />
            <source>Re-create the file with BLOCKSIZE=1024 at every level, e.g. gdal_translate -of COG -co BLOCKSIZE=1024 (the Add tiles dialog's COGify step does this).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/explain.py" line="73" />
            <source>Build internal AVERAGE overviews down to about 1024 px (COGify does this).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/explain.py" line="76" />
            <source>Check that every band file exists at the tile path in the collection's bucket (the (BAND) placeholder replaced by each band's source) and that Sentinel Hub may read the bucket.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/explain.py" line="80" />
            <source>Re-create the file with bigger internal tiles (BLOCKSIZE=1024) or split it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/explain.py" line="81" />
            <source>Re-compress with DEFLATE or ZSTD (COGify does this).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/explain.py" line="82" />
            <source>Drop the colour table / YCbCr and write plain grey or RGB bands (COGify).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/explain.py" line="83" />
            <source>Georeference the file (a geotransform and an EPSG CRS).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/explain.py" line="84" />
            <source>Reproject to EPSG:4326, 3857, 3035 or a UTM zone (COGify with reprojection).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/explain.py" line="85" />
            <source>Convert to UInt8, Int8, UInt16, Int16 or Float32 (COGify 'convert data type').</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/explain.py" line="86" />
            <source>Write one file per band or a band-interleaved GeoTIFF.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/explain.py" line="87" />
            <source>Give all files of the tile one extension, e.g. .tif.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/explain.py" line="88" />
            <source>Clip or warp all band files of a tile to the same extent (gdalwarp -te).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/explain.py" line="89" />
            <source>Upload a file for every band source of the collection, with the same names in every tile.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/explain.py" line="92" />
            <source>Convert the file to the bit depth of the collection's band.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/explain.py" line="93" />
            <source>Convert the file to the sample format of the collection's band.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/explain.py" line="94" />
            <source>Provide the missing band in the file or change the band's bandIndex.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/explain.py" line="34" />
            <source>Pre-flight rule: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/explain.py" line="36" />
            <source>Fix:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/notify.py" line="46" />
            <source>Cancelled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/notify.py" line="118" />
            <source>(details in the BYOC log tab)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="56" />
            <source>True colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="57" />
            <source>False colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="58" />
            <source>Normalized difference</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="59" />
            <source>Single band</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="60" />
            <source>All bands</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="174" />
            <source>Metres per pixel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="175" />
            <source>Pixel size (width × height)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="180" />
            <source> m</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="194" />
            <source>Only tiles sensed between</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="208" />
            <source>Most recent on top</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="209" />
            <source>Least recent on top</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="218" />
            <source>Insert template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="234" />
            <source>GeoTIFF (*.tif);;PNG (*.png);;JPEG (*.jpg)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="235" />
            <source>[Save to a temporary file]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="244" />
            <source>Run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="255" />
            <source>Extent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="256" />
            <source>Resolution</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="257" />
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="258" />
            <source>Mosaicking</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="259" />
            <source>Evalscript template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="260" />
            <source>Format</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="261" />
            <source>Save to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="411" />
            <source>Requesting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="204" />
            <source>and</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="287" />
            <source>The collection has no bands yet (no tile ingested): write the evalscript yourself.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="341" />
            <source>Choose an extent (canvas, a layer or draw a rectangle)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="351" />
            <source>{} × {} px in {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="371" />
            <source>The evalscript is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="418" />
            <source>Process {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="356" />
            <source>too large for PNG/JPEG (2500 px at most): choose GeoTIFF or a coarser resolution</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="409" />
            <source>Process request on {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="435" />
            <source>{} ({} × {} px) added to the map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="427" />
            <source>The result {} could not be opened</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" line="354" />
            <source>split automatically into {} requests of at most 2500 px</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tasks.py" line="122" />
            <source>Processing algorithm {} is not available (is the byoc provider loaded?)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" line="107" />
            <source>Set cover from a layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" line="152" />
            <source>Reingest tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" line="51" />
            <source>Show the tiles of a collection first, then select some tiles.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" line="123" />
            <source>The chosen feature has no geometry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" line="232" />
            <source>Copy tiles to {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" line="279" />
            <source>Select one or more FAILED tiles to explain.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" line="55" />
            <source>Select one or more tiles in the layer {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" line="100" />
            <source>{} tiles updated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" line="146" />
            <source>Cover set on {} tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" line="168" />
            <source>Reingestion requested for {} tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" line="190" />
            <source>{} tiles deleted; their S3 files stay</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" line="221" />
            <source>Cover traced again for {} of {} tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" line="258" />
            <source>{} tiles registered, {} were there already, {} no longer exist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" line="117" />
            <source>Select exactly one feature in {} to use as the cover</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" line="292" />
            <source>(the files could not be checked: {})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_layer.py" line="77" />
            <source>Ingested</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_layer.py" line="78" />
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_layer.py" line="79" />
            <source>In progress: ingesting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_layer.py" line="80" />
            <source>In progress: queued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_layer.py" line="81" />
            <source>In progress: waiting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_layer.py" line="95" />
            <source>Other</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_layer.py" line="349" />
            <source>Loading the tiles of {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_layer.py" line="396" />
            <source>{} tiles of {} loaded in {:.1f} s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_layer.py" line="406" />
            <source>Could not add {} tiles to the layer {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_layer.py" line="481" />
            <source>Refreshing the tiles of {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_layer.py" line="477" />
            <source>Refreshing {} failed: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/gui/widgets.py" line="36" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/plugin.py" line="53" />
            <source>Show or hide the Sentinel Hub BYOC panel</source>
            <translation>Sentinel-Hub-BYOC-Bereich ein- oder ausblenden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="64" />
            <source>Create collection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="67" />
            <source>Creates a BYOC collection for an S3 bucket and returns its id. Bands are optional: without them the service configures them from the first ingested tile (one band per file name). Give bands as 'B02,B03,B04' (one single-band file per band, of the chosen type) or as the service's JSON form. With 'Reuse an existing collection' a collection of the same name and bucket is returned instead of creating a second one (for re-runnable models).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="160" />
            <source>List collections</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="163" />
            <source>Lists the account's BYOC collections as a table (id, name, bucket, bands, creation and sensing-time range). SEARCH filters on the server: one word, or words joined by | (or) and &amp; (and).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="213" />
            <source>Deletes a BYOC collection and all its tiles from Sentinel Hub. The files in your S3 bucket are not touched. Nothing happens unless CONFIRM is set.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="122" />
            <source>Creating collection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="45" />
            <source>BANDS: expected a JSON object {name: {source, bandIndex, ...}}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="76" />
            <source>Collection name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="77" />
            <source>S3 bucket (name only, no s3://)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="78" />
            <source>Bands (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="82" />
            <source>Band type (for a plain band list)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="90" />
            <source>Collection no-data value (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="97" />
            <source>Reuse an existing collection with this name and bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="100" />
            <source>Collection id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="108" />
            <source>NAME is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="110" />
            <source>BUCKET must be a bucket name like my-bucket (no s3://, no folder)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="169" />
            <source>Search (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="170" />
            <source>Collections</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="171" />
            <source>Number of collections</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="223" />
            <source>I confirm: delete the collection and all its tiles (S3 files stay)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="227" />
            <source>Deleted collection id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="228" />
            <source>Number of tiles deleted with it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="233" />
            <source>Not deleted: set CONFIRM to delete the collection and its tiles (S3 files are kept)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="126" />
            <source>Created collection {} ({}) on bucket {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="199" />
            <source>{} collections</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="241" />
            <source>Deleted collection {} ({}) and its {} tiles; the files in bucket {} are untouched</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="52" />
            <source>BANDS: band {!r} is listed twice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="43" />
            <source>BANDS is not valid JSON: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" line="120" />
            <source>Reusing collection {} ({})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="100" />
            <source>From the file path (template)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="100" />
            <source>One time for all (constant)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="194" />
            <source>Create tiles from local rasters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="197" />
            <source>Turns local rasters (layers, files or a folder) into tiles of a collection: groups band files into tiles by FILE_PATTERN (e.g. (BAND).tif: every folder is a tile, the file name is the band), or splits each multi-band raster into BAND_NAMES; checks every file against the BYOC rules and COGifies it when needed; traces the cover geometry; uploads to the collection's bucket at PATH_TEMPLATE and registers the tile with its sensing time. Tiles run in parallel. Re-running continues where it stopped: tile paths already registered are skipped, files already uploaded are not sent again. A tile is registered only once all its files are in S3; existing S3 objects are never deleted, and only replaced when OVERWRITE is set. The output table lists the tile ids and statuses (chain it into 'Wait for ingestion'). PATH_TEMPLATE fields: {name} = the tile's folder relative to the input folder (or a multi-band file's path without extension), {tile} = its last part, and from the sensing time {year} {month} {day} {hour} {minute} {second} {doy} {date} (YYYYMMDD) {datetime}; e.g. {name}/(BAND).tif or {year}/{month}/{day}/{tile}/(BAND).tif.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="393" />
            <source>Create tiles from an S3 prefix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="396" />
            <source>Lists the collection's bucket under PREFIX, groups the band files into tiles by FILE_PATTERN (e.g. (BAND).tif: one tile per folder) and registers every tile that is not registered yet, with its sensing time from a template on the path (or a constant) and, optionally, a cover geometry traced from the remote COGs' overviews. Nothing is uploaded or deleted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="102" />
            <source>From a raster metadata item (field)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="108" />
            <source>Date pattern in the path (e.g. %Y%m%d or {year}-{month}-{day}; empty: found automatically)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="113" />
            <source>Sensing time for all tiles (ISO 8601)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="158" />
            <source>a YYYYMMDD or YYYY-MM-DD date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="136" />
            <source>Sensing time 'constant' needs SENSING_TIME, e.g. 2023-06-10T07:36:29Z</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="179" />
            <source>{} tiles registered, {} already registered, {} failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="217" />
            <source>Band file pattern ((BAND) = band name)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="223" />
            <source>…or split multi-band rasters into these bands (e.g. B02,B03,B04,B08)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="228" />
            <source>Tile path template in the bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="256" />
            <source>Replace S3 objects that exist with different content</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="267" />
            <source>Fail when a tile fails (stops a model)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="269" />
            <source>Created tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="270" />
            <source>Tiles registered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="271" />
            <source>Tiles already registered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="272" />
            <source>Tiles failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="405" />
            <source>Prefix in the bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="119" />
            <source>Metadata item with the time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="158" />
            <source>the date pattern {!r}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="160" />
            <source>No sensing time in {!r}: no {} was found; change SENSING_TIME_TEMPLATE or the sensing-time mode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="235" />
            <source>When the pre-flight check finds errors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="235" />
            <source>Never (fail instead)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="243" />
            <source>Trace: contain all data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="243" />
            <source>Trace: exclude nodata</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="243" />
            <source>None (the service uses the bbox)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="250" />
            <source>Cover: maximum points</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="262" />
            <source>Tiles in parallel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="345" />
            <source>{} tiles to create in collection {} (bucket {})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="417" />
            <source>Trace from the COGs: contain all data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="418" />
            <source>Trace from the COGs: exclude nodata</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="453" />
            <source>Listing s3://{}/{}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="149" />
            <source>{}: no metadata item {} with a time; choose another sensing-time mode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="177" />
            <source>{} ({}): {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="366" />
            <source>{} tiles failed; first: {}: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="456" />
            <source>No file under s3://{}/{} matches {!r}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="311" />
            <source>{} files do not match FILE_PATTERN {!r}, e.g. {}; change the pattern or the inputs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="360" />
            <source>Cancelled: {} tiles were registered before; run again to continue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" line="298" />
            <source>{} is not under {}; give a FOLDER that contains every file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" line="112" />
            <source>Pre-flight check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" line="115" />
            <source>Checks rasters against Sentinel Hub's BYOC rules (valid COG, internal tiles 256–2048 px, header ≤ 1 MB, no JPEG, allowed CRS and data type, overviews, ≤ 10 chunky bands) without touching the service. With 'Check band files of a folder as one tile', files in one folder are also checked together (same extension, footprints within one pixel). The output table lists every finding with the file, the rule, the value found and how to fix it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" line="181" />
            <source>Trace cover geometry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" line="184" />
            <source>Traces where a raster has valid data (nodata, NaN, alpha and masks of all bands) from a coarse overview and fits the outline to at most MAX_POINTS points, as the cover geometry a BYOC tile needs. Policy 'contain all data' keeps every valid pixel inside (default); 'exclude nodata' keeps no-data collars out (for overlapping tiles). One feature per raster, or per folder when band files are traced as one tile; geometries are reprojected to OUTPUT_CRS and the GeoJSON in the raster's own CRS (what the service wants) is kept in the field cover_geojson.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" line="69" />
            <source>Rasters (layers or files)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" line="75" />
            <source>…or a folder of rasters (searched recursively)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" line="92" />
            <source>No raster given: choose rasters in INPUT or a FOLDER that contains some</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" line="212" />
            <source>Trace at an overview of about this many pixels (long side)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" line="126" />
            <source>Check band files of a folder as one tile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" line="130" />
            <source>Fail when an error is found (stops a model)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" line="134" />
            <source>Pre-flight findings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" line="136" />
            <source>Number of errors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" line="137" />
            <source>Number of warnings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" line="138" />
            <source>Number of files checked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" line="197" />
            <source>Trace band files of a folder as one tile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" line="202" />
            <source>Cover policy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" line="207" />
            <source>Maximum number of points</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" line="222" />
            <source>Output CRS (default EPSG:4326)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" line="225" />
            <source>Cover geometries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" line="227" />
            <source>Number of covers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" line="166" />
            <source>{} files: {} errors, {} warnings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" line="151" />
            <source>Checking {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" line="169" />
            <source>Pre-flight found {} errors; see the log (COGify fixes most of them)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" line="202" />
            <source>Contain all data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" line="202" />
            <source>Exclude nodata</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="70" />
            <source>Process request to raster</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="73" />
            <source>Runs a Process API request on a BYOC collection and writes a georeferenced raster. The extent may be in any CRS; it is requested in CRS (default: the extent's CRS when the service accepts it, else EPSG:4326). Give RESOLUTION (in CRS units) or WIDTH and HEIGHT. Requests larger than 2500 px are split into a grid and mosaicked (GeoTIFF). The evalscript is the given text or file, or generated from the collection's bands: true/false colour (×SCALE into 0..1, 8-bit), normalized difference of two bands (float), one band or all bands as they are. TIME_FROM/TIME_TO limit the tiles used (a date alone means the whole day); MOSAICKING picks which tile is on top.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="47" />
            <source>Give both TIME_FROM and TIME_TO, or neither (all times)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="86" />
            <source>Request CRS (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="90" />
            <source>Resolution (CRS units per pixel)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="98" />
            <source>…or width (px)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="103" />
            <source>…and height (px)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="106" />
            <source>From (ISO 8601 date or time)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="107" />
            <source>To (ISO 8601 date or time)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="111" />
            <source>Mosaicking order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="119" />
            <source>Evalscript</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="132" />
            <source>Bands for the generated evalscript</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="137" />
            <source>Scale for colour composites (value × scale = 0..1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="145" />
            <source>Evalscript (custom)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="149" />
            <source>…or evalscript file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="163" />
            <source>Result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="164" />
            <source>Width (px)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="165" />
            <source>Height (px)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="195" />
            <source>Give an EVALSCRIPT or EVALSCRIPT_FILE, or choose a generated evalscript</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="225" />
            <source>EXTENT is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="231" />
            <source>Give RESOLUTION or WIDTH and HEIGHT, not both</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="233" />
            <source>Give RESOLUTION (CRS units per pixel) or both WIDTH and HEIGHT</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="54" />
            <source>TIME_FROM {} is after TIME_TO {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="156" />
            <source>Upsampling</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="160" />
            <source>Downsampling</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="265" />
            <source>Requesting {} x {} px in {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="121" />
            <source>Custom (EVALSCRIPT or EVALSCRIPT_FILE)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="122" />
            <source>True colour (BANDS = red,green,blue)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="123" />
            <source>False colour (BANDS = nir,red,green)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="124" />
            <source>Normalized difference (BANDS = a,b)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="125" />
            <source>Single band (BANDS = name)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="177" />
            <source>CRS {} is not accepted by the Process API here; use EPSG:4326, 3857, 3035 or a UTM zone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="198" />
            <source>Collection {} has no bands yet (no tile ingested): give a custom EVALSCRIPT</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="207" />
            <source>This evalscript needs {} band names in BANDS; the collection has: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="299" />
            <source>The service's {} answer could not be read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="306" />
            <source>Could not write {}: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="272" />
            <source>{} x {} px is over 2500 px: PNG/JPEG cannot be split, use GeoTIFF or a coarser RESOLUTION</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" line="194" />
            <source>EVALSCRIPT_FILE {}: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="62" />
            <source>Collection tiles to layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="65" />
            <source>Loads the tiles of a collection into one polygon layer: cover geometries (or tile bounding boxes) reprojected from each tile's own CRS into OUTPUT_CRS (default EPSG:4326), with the fields tile_id, path, status, sensing_time, created, ingestion_start, failed_cause, native_crs and min/max metres per pixel. Tiles without any geometry yet (still waiting) are kept without geometry. Save the output as a GeoPackage to keep it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="125" />
            <source>Wait for ingestion</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="128" />
            <source>Waits until tiles are INGESTED or FAILED, polling with backoff, and writes their final status (with the service's failure cause) to a table. Give the tiles (e.g. the output table of 'Create tiles') or leave them empty to wait for every unfinished tile of the collection. With FAIL_ON_FAILED the algorithm fails when a tile failed (stops a model).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="205" />
            <source>Update tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="208" />
            <source>Updates registered tiles from the features of a layer that carries their ids (e.g. an edited tiles layer): the sensing time from a field or a constant, and/or the cover geometry from the feature's geometry (sent in EPSG:4326; at most 100 points). The tile's path and files are not changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="383" />
            <source>Deletes the selected tiles from the collection. Their files in S3 are not touched (register them again with 'Create tiles'). Nothing happens unless CONFIRM is set.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="403" />
            <source>Asks the service to ingest the selected tiles again, e.g. after their files were overwritten or a failure was fixed. Follow with 'Wait for ingestion'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="77" />
            <source>Only tiles with status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="83" />
            <source>Geometry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="91" />
            <source>Tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="92" />
            <source>Number of tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="140" />
            <source>Give up after (seconds)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="144" />
            <source>Fail when a tile failed to ingest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="146" />
            <source>Ingestion status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="147" />
            <source>Tiles ingested</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="149" />
            <source>Tiles still pending (timeout)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="218" />
            <source>Layer with the tiles to update</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="224" />
            <source>Tile id field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="234" />
            <source>Sensing time field (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="244" />
            <source>…or one sensing time for all (ISO 8601, e.g. 2023-06-10T07:36:29Z)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="249" />
            <source>Set the cover from the feature geometry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="251" />
            <source>Update results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="252" />
            <source>Tiles updated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="264" />
            <source>Nothing to update: choose SENSING_TIME_FIELD, give SENSING_TIME or set UPDATE_COVER</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="335" />
            <source>Results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="336" />
            <source>Tiles done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="343" />
            <source>Not deleted: set CONFIRM to delete the tiles (S3 files are kept)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="114" />
            <source>{} tiles of collection {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="175" />
            <source>the tile no longer exists</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="177" />
            <source>{} ingested, {} failed, {} still pending</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="332" />
            <source>I confirm: delete these tiles (S3 files stay)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="368" />
            <source>{} of {} tiles done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="84" />
            <source>Tile geometry (bounding box)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="179" />
            <source>{} tiles were still not finished after {:.0f} s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="183" />
            <source>{} tiles failed to ingest; first: {}: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="273" />
            <source>INPUT has no field {!r}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="77" />
            <source>All</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="113" />
            <source>{} tiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="173" />
            <source>{} FAILED: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="302" />
            <source>Feature for tile {} has no geometry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" line="308" />
            <source>Cover for tile {} has {} points; the service accepts at most 100 (simplify it)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/base.py" line="37" />
            <source>Local files (no service)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/base.py" line="38" />
            <source>Process API</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/base.py" line="137" />
            <source>COLLECTION is empty: give a collection id or name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/base.py" line="129" />
            <source>Collection (id, or its exact name)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/base.py" line="142" />
            <source>No collection is named {!r}; give its id instead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/base.py" line="146" />
            <source>{} collections are named {!r} ({}); give the id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" line="49" />
            <source>Sentinel Hub EU (services.sentinel-hub.com)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" line="50" />
            <source>Sentinel Hub US West (services-uswest2.sentinel-hub.com)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" line="51" />
            <source>Copernicus Data Space Ecosystem (sh.dataspace.copernicus.eu)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" line="52" />
            <source>Custom base URL (e.g. localhub)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" line="66" />
            <source>Sentinel Hub credentials (Basic auth configuration: client id / client secret)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" line="93" />
            <source>S3 credentials (Basic auth configuration: access key / secret key)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" line="166" />
            <source>Deployment 'Custom base URL' needs BASE_URL, e.g. http://127.0.0.1:8000</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" line="187" />
            <source>No Sentinel Hub credentials: choose an authentication configuration (Basic: client id / client secret) in AUTHCFG, or set BYOC_CLIENT_ID and BYOC_CLIENT_SECRET in the environment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" line="76" />
            <source>Custom base URL (deployment 'Custom', e.g. http://127.0.0.1:8000)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" line="83" />
            <source>Custom token URL (default: &lt;base URL&gt;/auth/realms/main/...)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" line="99" />
            <source>S3 endpoint host[:port] (empty: AWS)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" line="104" />
            <source>S3 region</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" line="106" />
            <source>S3 over HTTPS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" line="108" />
            <source>S3 path-style addressing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" line="162" />
            <source>BASE_URL is only used with the deployment 'Custom base URL'; choose it or clear BASE_URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" line="179" />
            <source>Sentinel Hub credentials</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/feedback.py" line="28" />
            <source>Cancelled by the user.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/inputs.py" line="23" />
            <source>Layer {!r} is not a GDAL raster (file); only file-based rasters can be used</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/inputs.py" line="34" />
            <source>Folder {!r} does not exist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/provider.py" line="52" />
            <source>Sentinel Hub Bring Your Own COG</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/shipped_models.py" line="29" />
            <source>Create tiles, wait, process (example model)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/shipped_models.py" line="32" />
            <source>Example models</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/tiles_common.py" line="132" />
            <source>Tiles (layer or table with a tile id field)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/tiles_common.py" line="145" />
            <source>…or tile ids (comma-separated)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/tiles_common.py" line="167" />
            <source>No tile selected: give TILES (a layer with tile ids) or TILE_IDS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/tiles_common.py" line="157" />
            <source>TILES has no field {!r}; choose the tile id field in TILE_ID_FIELD</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../byoc_qgis/processing/tiles_common.py" line="73" />
            <source>EPSG:{} is not a CRS QGIS knows</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
