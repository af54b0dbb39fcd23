<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>byoc_qgis</name>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="14" />
            <source>Sentinel Hub BYOC</source>
            <translation>Sentinel Hub BYOC</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" line="18" />
            <source>Not connected.</source>
            <translation>Nicht verbunden.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/plugin.py" line="53" />
            <source>Show or hide the Sentinel Hub BYOC panel</source>
            <translation>Sentinel-Hub-BYOC-Bereich ein- oder ausblenden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/provider.py" line="30" />
            <source>Sentinel Hub Bring Your Own COG</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
