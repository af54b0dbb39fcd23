<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>byoc_qgis</name>
    <message>
        <source>Sentinel Hub BYOC</source>
        <translation>Sentinel Hub BYOC</translation>
    </message>
    <message>
        <source>Show or hide the Sentinel Hub BYOC panel</source>
        <translation>Sentinel-Hub-BYOC-Bereich ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
</context>
</TS>
