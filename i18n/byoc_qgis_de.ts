<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>byoc_qgis</name>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Files</source>
            <translation>Dateien</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Folder</source>
            <translation>Ordner</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Project raster layers</source>
            <translation>Raster-Layer des Projekts</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>S3 prefix</source>
            <translation>S3-Präfix</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Rasters (*.tif *.tiff *.TIF *.TIFF *.vrt *.jp2 *.img)</source>
            <translation>Raster (*.tif *.tiff *.TIF *.TIFF *.vrt *.jp2 *.img)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>How band files are grouped into tiles: (BAND) is the band name, every folder is one tile.</source>
            <translation>Wie Kanaldateien zu Kacheln zusammengefasst werden: (BAND) ist der Kanalname, jeder Ordner ist eine Kachel.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>optional: split multi-band files into these bands, e.g. B02,B03,B04</source>
            <translation>optional: Mehrkanaldateien in diese Kanäle aufteilen, z. B. B02,B03,B04</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>From the path (date pattern)</source>
            <translation>Aus dem Pfad (Datumsmuster)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>One time for all</source>
            <translation>Eine Zeit für alle</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>None</source>
            <translation>Keine</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>empty: find a YYYYMMDD or YYYY-MM-DD date; or a pattern like %Y%m%d</source>
            <translation>leer: automatisch; oder ein Muster wie %Y%m%d</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Band file pattern</source>
            <translation>Muster für Kanaldateien</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Bands of multi-band files</source>
            <translation>Kanäle der Mehrkanaldateien</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Tile path template</source>
            <translation>Vorlage für Kachelpfade</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Sensing time</source>
            <translation>Aufnahmezeit</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Cover geometry</source>
            <translation>Abdeckungsgeometrie</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>COGify</source>
            <translation>COGify</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Check the rasters first: nothing is uploaded before you confirm.</source>
            <translation>Zuerst die Raster prüfen: Nichts wird hochgeladen, bevor Sie bestätigen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Check</source>
            <translation>Prüfen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Check the rasters and show the tiles that will be created</source>
            <translation>Die Raster prüfen und die Kacheln zeigen, die erstellt werden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Upload and register</source>
            <translation>Hochladen und registrieren</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Check the rasters first.</source>
            <translation>Zuerst die Raster prüfen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>check the current inputs first: nothing is uploaded before a check.</source>
            <translation>zuerst die aktuellen Eingaben prüfen: Vor einer Prüfung wird nichts hochgeladen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Checking the rasters</source>
            <translation>Raster werden geprüft</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>the check is running.</source>
            <translation>die Prüfung läuft.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Checking…</source>
            <translation>Wird geprüft…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Planning the tiles</source>
            <translation>Kacheln werden geplant</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Checking the files in S3</source>
            <translation>Dateien in S3 werden geprüft</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>the upload is running.</source>
            <translation>das Hochladen läuft.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Uploading and registering</source>
            <translation>Hochladen und Registrieren</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>%n tiles registered</source>
            <translation>
                <numerusform>%n Kachel registriert</numerusform>
                <numerusform>%n Kacheln registriert</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>When needed</source>
            <translation>Bei Bedarf</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Never</source>
            <translation>Nie</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Always</source>
            <translation>Immer</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Trace (all data inside)</source>
            <translation>Umriss (alle Daten innerhalb)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Trace (no no-data inside)</source>
            <translation>Umriss (keine NoData-Werte innerhalb)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Upload the files and register the planned tiles</source>
            <translation>Die Dateien hochladen und die geplanten Kacheln registrieren</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Tick one or more raster layers of the project</source>
            <translation>Einen oder mehrere Raster-Layer des Projekts ankreuzen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Every tile would fail: fix the files or the settings and check again.</source>
            <translation>Jede Kachel würde fehlschlagen: die Dateien oder die Einstellungen korrigieren und erneut prüfen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Add tiles to {}</source>
            <translation>Kacheln zu {} hinzufügen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>folder in bucket {}, e.g. tiles/2023</source>
            <translation>Ordner im Bucket {}, z. B. tiles/2023</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Choose one or more raster files</source>
            <translation>Eine oder mehrere Rasterdateien wählen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Choose a folder of rasters</source>
            <translation>Einen Ordner mit Rastern wählen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Pre-flight check for {}</source>
            <translation>Vorabprüfung für {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>The check failed: {}</source>
            <translation>Die Prüfung ist fehlgeschlagen: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>see the BYOC log</source>
            <translation>siehe BYOC-Protokoll</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Planning tiles for {}</source>
            <translation>Kacheln für {} werden geplant</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Pre-flight check of s3://{}/{}</source>
            <translation>Vorabprüfung von s3://{}/{}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Adding tiles to {}</source>
            <translation>Kacheln werden zu {} hinzugefügt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>{}, {} already registered, {} failed.</source>
            <translation>{}, {} bereits registriert, {} fehlgeschlagen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_dialog.py" />
            <source>Disabled: {}</source>
            <translation>Deaktiviert: {}</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>%n files checked</source>
            <translation>
                <numerusform>%n Datei geprüft</numerusform>
                <numerusform>%n Dateien geprüft</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>Will be COGified, then created</source>
            <translation>Wird in ein COG umgewandelt, dann erstellt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>Will be created</source>
            <translation>Wird erstellt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>{}: every tile would fail (see Result). Fix the files or the settings and check again.</source>
            <translation>{}: Jede Kachel würde fehlschlagen (siehe Ergebnis). Die Dateien oder die Einstellungen korrigieren und erneut prüfen.</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>%n tiles</source>
            <translation>
                <numerusform>%n Kachel</numerusform>
                <numerusform>%n Kacheln</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>%n will be created</source>
            <translation>
                <numerusform>%n wird erstellt</numerusform>
                <numerusform>%n werden erstellt</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>No raster found in the chosen input.</source>
            <translation>In der gewählten Eingabe wurde kein Raster gefunden.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>no raster found in the chosen input.</source>
            <translation>in der gewählten Eingabe wurde kein Raster gefunden.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>every tile would fail; the planned tiles say why.</source>
            <translation>jede Kachel würde fehlschlagen; die geplanten Kacheln nennen den Grund.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>{}: {} will be created.</source>
            <translation>{}: {} wird erstellt.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>Planned tiles</source>
            <translation>Geplante Kacheln</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>Findings of the check</source>
            <translation>Befunde der Prüfung</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>Path</source>
            <translation>Pfad</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>Message</source>
            <translation>Meldung</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>Tile id</source>
            <translation>Kachel-ID</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>Upload results</source>
            <translation>Ergebnisse des Hochladens</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>Will fail: {}</source>
            <translation>Wird fehlschlagen: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>Not created: {}</source>
            <translation>Nicht erstellt: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>Not created: the upload stops before any tile while tile {} cannot be made.</source>
            <translation>Nicht erstellt: Das Hochladen stoppt vor jeder Kachel, solange Kachel {} nicht erstellt werden kann.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>tile {}: {}</source>
            <translation>Kachel {}: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>COGify repairs the errors found.</source>
            <translation>COGify behebt die gefundenen Fehler.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>Tile</source>
            <translation>Kachel</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>Path in the bucket</source>
            <translation>Pfad im Bucket</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>Sensing time (UTC)</source>
            <translation>Aufnahmezeit (UTC)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>Result</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>Severity</source>
            <translation>Schweregrad</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>File</source>
            <translation>Datei</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>Fix</source>
            <translation>Behebung</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>%n errors</source>
            <translation>
                <numerusform>%n Fehler</numerusform>
                <numerusform>%n Fehler</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>%n warnings</source>
            <translation>
                <numerusform>%n Warnung</numerusform>
                <numerusform>%n Warnungen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>{}: nothing can be uploaded. {}</source>
            <translation>{}: Es kann nichts hochgeladen werden. {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>{}: nothing can be uploaded while one tile cannot be made. {}</source>
            <translation>{}: Es kann nichts hochgeladen werden, solange eine Kachel nicht erstellt werden kann. {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>{} will fail and be reported (see Result).</source>
            <translation>{} wird fehlschlagen und gemeldet (siehe Ergebnis).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>Findings of the check: {}, {}</source>
            <translation>Befunde der Prüfung: {}, {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_results.py" />
            <source>Planned tiles: {} of {}</source>
            <translation>Geplante Kacheln: {} von {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>{name} = the tile's folder, {tile} = its last part; {year} {month} {day} {hour} {minute} {second} {doy} {date} {datetime} = from the sensing time; (BAND) = the band.</source>
            <translation>{name} = der Ordner der Kachel, {tile} = sein letzter Teil; {year} {month} {day} {hour} {minute} {second} {doy} {date} {datetime} = aus der Aufnahmezeit; (BAND) = der Kanal.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>Date pattern</source>
            <translation>Datumsmuster</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>Sensing time for all</source>
            <translation>Aufnahmezeit für alle</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>Replace S3 objects</source>
            <translation>S3-Objekte ersetzen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>Fail on error</source>
            <translation>Bei Fehler fehlschlagen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>cannot be read as a raster</source>
            <translation>kann nicht als Raster gelesen werden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>has no georeferencing</source>
            <translation>hat keine Georeferenzierung</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>its CRS is not one BYOC accepts</source>
            <translation>ihr KBS wird von BYOC nicht akzeptiert</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>extends beyond the valid degrees</source>
            <translation>reicht über den gültigen Gradbereich hinaus</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>its data type is not supported</source>
            <translation>ihr Datentyp wird nicht unterstützt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>has a band count BYOC does not accept</source>
            <translation>hat eine Kanalanzahl, die BYOC nicht akzeptiert</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>its band files do not match the other tiles'</source>
            <translation>ihre Kanaldateien passen nicht zu denen der anderen Kacheln</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>its bit depth differs from the collection's bands</source>
            <translation>ihre Bittiefe weicht von den Kanälen der Kollektion ab</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>its sample format differs from the collection's bands</source>
            <translation>ihr Werteformat weicht von den Kanälen der Kollektion ab</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>does not match the band file pattern</source>
            <translation>passt nicht zum Muster für Kanaldateien</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>No sensing time given: set the time for all tiles.</source>
            <translation>Keine Aufnahmezeit angegeben: die Zeit für alle Kacheln setzen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>The tile path template must contain (BAND) once, e.g. {name}/(BAND).tif.</source>
            <translation>Die Vorlage für Kachelpfade muss (BAND) genau einmal enthalten, z. B. {name}/(BAND).tif.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>the tile</source>
            <translation>die Kachel</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>e.g. folder {} sensed {}, band {} → {}</source>
            <translation>z. B. Ordner {} aufgenommen {}, Kanal {} → {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>No date (YYYYMMDD or YYYY-MM-DD) in '{}': give a date pattern such as %Y%m%d, or choose one time for all.</source>
            <translation>Kein Datum (YYYYMMDD oder YYYY-MM-DD) in '{}': ein Datumsmuster wie %Y%m%d angeben oder eine Zeit für alle wählen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>The date pattern '{}' cannot be used: {}</source>
            <translation>Das Datumsmuster '{}' kann nicht verwendet werden: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>The tile path template gives no valid path: {}</source>
            <translation>Die Vorlage für Kachelpfade ergibt keinen gültigen Pfad: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>Same path as tile {} ({}): add {{name}} or the date to the tile path template.</source>
            <translation>Gleicher Pfad wie Kachel {} ({}): {{name}} oder das Datum zur Vorlage für Kachelpfade hinzufügen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>{}: {}; see the findings.</source>
            <translation>{}: {}; siehe Befunde.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>The band file pattern cannot be used: {}</source>
            <translation>Das Muster für Kanaldateien kann nicht verwendet werden: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>{} is not inside {}: choose a folder that holds every file.</source>
            <translation>{} liegt nicht in {}: einen Ordner wählen, der jede Datei enthält.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>No date matching {} in '{}': change the date pattern, or choose one time for all.</source>
            <translation>Kein zu {} passendes Datum in '{}': das Datumsmuster ändern oder eine Zeit für alle wählen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>an error COGify cannot repair ({})</source>
            <translation>ein Fehler, den COGify nicht beheben kann ({})</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>%n files do not match the band file pattern {}, e.g. {}: rename them or change the pattern.</source>
            <translation>
                <numerusform>%n Datei passt nicht zum Muster für Kanaldateien {}, z. B. {}: umbenennen oder das Muster ändern.</numerusform>
                <numerusform>%n Dateien passen nicht zum Muster für Kanaldateien {}, z. B. {}: umbenennen oder das Muster ändern.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/add_tiles_words.py" />
            <source>This template gives no valid path: {}</source>
            <translation>Diese Vorlage ergibt keinen gültigen Pfad: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/auth_chooser.py" />
            <source>Store a new authentication configuration in the QGIS auth manager (encrypted with the master password)</source>
            <translation>Eine neue Authentifizierungskonfiguration in der QGIS-Authentifizierungsverwaltung speichern (mit dem Master-Passwort verschlüsselt)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/auth_chooser.py" />
            <source>Store in the auth manager</source>
            <translation>In der Authentifizierungsverwaltung speichern</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/auth_chooser.py" />
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/auth_chooser.py" />
            <source>BYOC credentials</source>
            <translation>BYOC-Zugangsdaten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/auth_chooser.py" />
            <source>Give both the {} and the {} (or cancel the new configuration)</source>
            <translation>Sowohl {} als auch {} angeben (oder die neue Konfiguration abbrechen)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>New batch request</source>
            <translation>Neue Batch-Anfrage</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>Start batch request</source>
            <translation>Batch-Anfrage starten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>Stop batch request</source>
            <translation>Batch-Anfrage stoppen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>Batch results</source>
            <translation>Batch-Ergebnisse</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>Select the collection to process in the Collections tab first</source>
            <translation>Zuerst im Reiter Kollektionen die zu verarbeitende Kollektion wählen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>Batch request {}</source>
            <translation>Batch-Anfrage {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>Starting {}</source>
            <translation>{} wird gestartet</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>Stop batch request “{}” ({}, {:.0f}% done)?

Cells already processed stay delivered and are charged; the request can be started again later (Sentinel Hub allows it 30 minutes after a stop).</source>
            <translation>Batch-Anfrage „{}“ ({}, {:.0f} % erledigt) stoppen?

Bereits verarbeitete Zellen bleiben geliefert und werden berechnet; die Anfrage kann später erneut gestartet werden (Sentinel Hub erlaubt das 30 Minuten nach einem Stopp).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>Stopping {}</source>
            <translation>{} wird gestoppt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>Results of {}</source>
            <translation>Ergebnisse von {}</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>%n mosaics and the cells layer added: {} delivered, {} failed</source>
            <translation>
                <numerusform>%n Mosaik und der Zellen-Layer hinzugefügt: {} geliefert, {} fehlgeschlagen</numerusform>
                <numerusform>%n Mosaike und der Zellen-Layer hinzugefügt: {} geliefert, {} fehlgeschlagen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>Reading the results of {}…</source>
            <translation>Die Ergebnisse von {} werden gelesen…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>batch {} cells</source>
            <translation>Batch {} Zellen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>Started: {}</source>
            <translation>Gestartet: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>Stopped: {}</source>
            <translation>Gestoppt: {}</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>{} of %n cells</source>
            <translation>
                <numerusform>{} von %n Zelle</numerusform>
                <numerusform>{} von %n Zellen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_actions.py" />
            <source>batch {}</source>
            <translation>Batch {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Area</source>
            <translation>Gebiet</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Tiling grid</source>
            <translation>Kachelgitter</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Mosaicking</source>
            <translation>Mosaikbildung</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Evalscript template</source>
            <translation>Evalscript-Vorlage</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Deliver to bucket</source>
            <translation>In Bucket liefern</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Folder or path template</source>
            <translation>Ordner oder Pfadvorlage</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>[Collection, grid and resolution]</source>
            <translation>[Kollektion, Gitter und Auflösung]</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>The resolutions the grid offers (metres; degrees for the WGS84 grid)</source>
            <translation>Die Auflösungen, die das Gitter anbietet (Meter; Grad beim WGS84-Gitter)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>bucket name (the connection's S3 keys must be able to write to it)</source>
            <translation>Bucket-Name (die S3-Schlüssel der Verbindung müssen darin schreiben dürfen)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Cloud Optimized GeoTIFF</source>
            <translation>Cloud Optimized GeoTIFF</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Register the outputs as a new BYOC collection</source>
            <translation>Die Ausgaben als neue BYOC-Kollektion registrieren</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Show the cells on the map</source>
            <translation>Die Zellen auf der Karte zeigen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Preview cells</source>
            <translation>Zellen-Vorschau</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Start at once (analyse and process: uses processing units)</source>
            <translation>Sofort starten (analysieren und verarbeiten: verbraucht Verarbeitungseinheiten)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Create</source>
            <translation>Erstellen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>°</source>
            <translation>°</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source> m</source>
            <translation> m</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Computing the grid cells…</source>
            <translation>Gitterzellen werden berechnet…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Batch preview</source>
            <translation>Batch-Vorschau</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Batch preview: %n cells</source>
            <translation>
                <numerusform>Batch-Vorschau: %n Zelle</numerusform>
                <numerusform>Batch-Vorschau: %n Zellen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Creating…</source>
            <translation>Wird erstellt…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Resolution</source>
            <translation>Auflösung</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Choose an area (canvas, a layer or draw a rectangle)</source>
            <translation>Ein Gebiet wählen (Kartenansicht, ein Layer oder ein Rechteck zeichnen)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>The area touches no cell of this grid</source>
            <translation>Das Gebiet berührt keine Zelle dieses Gitters</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>The evalscript is empty</source>
            <translation>Das Evalscript ist leer</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Give the bucket the service delivers the outputs to</source>
            <translation>Den Bucket angeben, in den der Dienst die Ausgaben liefert</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>New batch request on {}</source>
            <translation>Neue Batch-Anfrage auf {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>{:.1f} {}</source>
            <translation>{:.1f} {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>A folder (each request writes &lt;folder&gt;/&lt;requestId&gt;/&lt;tileName&gt;/&lt;outputId&gt;.&lt;format&gt;) or a template with the placeholders &lt;requestId&gt;, &lt;tileName&gt;, &lt;outputId&gt;, &lt;format&gt;, e.g. {}</source>
            <translation>Ein Ordner (jede Anfrage schreibt &lt;folder&gt;/&lt;requestId&gt;/&lt;tileName&gt;/&lt;outputId&gt;.&lt;format&gt;) oder eine Vorlage mit den Platzhaltern &lt;requestId&gt;, &lt;tileName&gt;, &lt;outputId&gt;, &lt;format&gt;, z. B. {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Batch preview of {}</source>
            <translation>Batch-Vorschau von {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>The area touches more than {} cells of this grid: choose a smaller area or a coarser grid</source>
            <translation>Das Gebiet berührt mehr als {} Zellen dieses Gitters: ein kleineres Gebiet oder ein gröberes Gitter wählen</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>%n grid cells of {} × {} px ({}); about {} uncompressed output</source>
            <translation>
                <numerusform>%n Gitterzelle zu {} × {} px ({}); etwa {} unkomprimierte Ausgabe</numerusform>
                <numerusform>%n Gitterzellen zu {} × {} px ({}); etwa {} unkomprimierte Ausgabe</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Create a batch request on {}</source>
            <translation>Eine Batch-Anfrage auf {} erstellen</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>Batch request {} created: %n cells, {}</source>
            <translation>
                <numerusform>Batch-Anfrage {} erstellt: %n Zelle, {}</numerusform>
                <numerusform>Batch-Anfrage {} erstellt: %n Zellen, {}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_dialog.py" />
            <source>The connection has no S3 keys: the service needs them to write to bucket {} (Edit connection…)</source>
            <translation>Die Verbindung hat keine S3-Schlüssel: Der Dienst braucht sie, um in den Bucket {} zu schreiben (Verbindung bearbeiten…)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_layers.py" />
            <source>Done</source>
            <translation>Fertig</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_layers.py" />
            <source>Failed</source>
            <translation>Fehlgeschlagen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_layers.py" />
            <source>Pending</source>
            <translation>Ausstehend</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_layers.py" />
            <source>Processing</source>
            <translation>In Verarbeitung</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>{} d</source>
            <translation>{} d</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Completion: the share of grid cells processed</source>
            <translation>Fortschritt: der Anteil verarbeiteter Gitterzellen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Processing units spent</source>
            <translation>Verbrauchte Verarbeitungseinheiten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Refresh batch requests</source>
            <translation>Batch-Anfragen aktualisieren</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>New batch request…</source>
            <translation>Neue Batch-Anfrage…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Start</source>
            <translation>Starten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Stop…</source>
            <translation>Stoppen…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Show results</source>
            <translation>Ergebnisse zeigen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Batch requests of the connection: Refresh to list them.</source>
            <translation>Batch-Anfragen der Verbindung: Zum Auflisten aktualisieren.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Listing batch requests…</source>
            <translation>Batch-Anfragen werden aufgelistet…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Listing batch requests</source>
            <translation>Batch-Anfragen werden aufgelistet</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Batch requests</source>
            <translation>Batch-Anfragen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Following batch requests</source>
            <translation>Batch-Anfragen werden verfolgt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>{} s</source>
            <translation>{} s</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>{} min</source>
            <translation>{} min</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>{} h</source>
            <translation>{} h</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Request</source>
            <translation>Anfrage</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>%</source>
            <translation>%</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>PU</source>
            <translation>VE</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Age</source>
            <translation>Alter</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>No connection.</source>
            <translation>Keine Verbindung.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Batch requests could not be listed (see the message bar).</source>
            <translation>Batch-Anfragen konnten nicht aufgelistet werden (siehe Meldungsleiste).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>{}
id {}
status {}</source>
            <translation>{}
ID {}
Status {}</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>%n batch requests on {}</source>
            <translation>
                <numerusform>%n Batch-Anfrage auf {}</numerusform>
                <numerusform>%n Batch-Anfragen auf {}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>%n running (live)</source>
            <translation>
                <numerusform>%n läuft (live)</numerusform>
                <numerusform>%n laufen (live)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>live progress stopped (see the message bar)</source>
            <translation>Live-Fortschritt gestoppt (siehe Meldungsleiste)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>Batch requests of {}</source>
            <translation>Batch-Anfragen von {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>delivered to {}</source>
            <translation>geliefert nach {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>error: {}</source>
            <translation>Fehler: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>{} (see tooltip)</source>
            <translation>{} (siehe Tooltip)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/batch_panel.py" />
            <source>live progress paused: {}</source>
            <translation>Live-Fortschritt pausiert: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/clients.py" />
            <source>The plugin was unloaded</source>
            <translation>Die Erweiterung wurde entladen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/clients.py" />
            <source>The credentials of {} were not read in time</source>
            <translation>Die Zugangsdaten von {} wurden nicht rechtzeitig gelesen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/items.py" />
            <source>Browser: {}</source>
            <translation>Browser: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/items.py" />
            <source>Sentinel Hub BYOC</source>
            <translation>Sentinel Hub BYOC</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/items.py" />
            <source>Sentinel Hub BYOC collections of the saved connections</source>
            <translation>Sentinel Hub BYOC-Kollektionen der gespeicherten Verbindungen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/items.py" />
            <source>(set by the first tile)</source>
            <translation>(von der ersten Kachel festgelegt)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/items.py" />
            <source>Tiles</source>
            <translation>Kacheln</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/items.py" />
            <source>unknown</source>
            <translation>unbekannt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/items.py" />
            <source>Connection {}</source>
            <translation>Verbindung {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/items.py" />
            <source>{}
id {}
bucket {}
bands {}</source>
            <translation>{}
ID {}
Bucket {}
Kanäle {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/items.py" />
            <source>Tiles of {}: double-click or drag to the map</source>
            <translation>Kacheln von {}: Doppelklick oder auf die Karte ziehen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/items.py" />
            <source>Batch task {}
status {}
created {}</source>
            <translation>Batch-Aufgabe {}
Status {}
erstellt {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/menus.py" />
            <source>Refresh</source>
            <translation>Aktualisieren</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/menus.py" />
            <source>Add Tiles Layer to Project</source>
            <translation>Kachel-Layer zum Projekt hinzufügen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/menus.py" />
            <source>New Connection…</source>
            <translation>Neue Verbindung…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/menus.py" />
            <source>New Collection…</source>
            <translation>Neue Kollektion…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/menus.py" />
            <source>Edit Connection…</source>
            <translation>Verbindung bearbeiten…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/menus.py" />
            <source>Remove Connection…</source>
            <translation>Verbindung entfernen…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/menus.py" />
            <source>Process…</source>
            <translation>Verarbeiten…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/menus.py" />
            <source>Add Tiles…</source>
            <translation>Kacheln hinzufügen…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/menus.py" />
            <source>Rename Collection…</source>
            <translation>Kollektion umbenennen…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/menus.py" />
            <source>Delete Collection…</source>
            <translation>Kollektion löschen…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Add tiles layer</source>
            <translation>Kachel-Layer hinzufügen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>New connection</source>
            <translation>Neue Verbindung</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Edit connection</source>
            <translation>Verbindung bearbeiten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Remove connection</source>
            <translation>Verbindung entfernen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>New collection</source>
            <translation>Neue Kollektion</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Rename collection</source>
            <translation>Kollektion umbenennen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Delete collection</source>
            <translation>Kollektion löschen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Process</source>
            <translation>Verarbeiten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Add tiles</source>
            <translation>Kacheln hinzufügen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>New collection {}</source>
            <translation>Neue Kollektion {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Rename collection {}</source>
            <translation>Kollektion {} umbenennen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Delete collection {}</source>
            <translation>Kollektion {} löschen</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Deleted with its %n tiles; the S3 files stay</source>
            <translation>
                <numerusform>Mit ihrer %n Kachel gelöscht; die S3-Dateien bleiben erhalten</numerusform>
                <numerusform>Mit ihren %n Kacheln gelöscht; die S3-Dateien bleiben erhalten</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Counting the tiles of {}</source>
            <translation>Kacheln von {} werden gezählt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Renamed to {}</source>
            <translation>Umbenannt in {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/operations.py" />
            <source>Created on bucket {}</source>
            <translation>Im Bucket {} erstellt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/browser/prompts.py" />
            <source>New name</source>
            <translation>Neuer Name</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>e.g. Drone mosaics 2024</source>
            <translation>z. B. Drohnenmosaike 2024</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>bucket name, e.g. my-bucket (CDSE: PROJECT_ID:bucket)</source>
            <translation>Bucket-Name, z. B. my-bucket (CDSE: PROJECT_ID:bucket)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>optional, e.g. B02,B03,B04 (empty: configured by the first tile)</source>
            <translation>optional, z. B. B02,B03,B04 (leer: von der ersten Kachel festgelegt)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>optional, e.g. 0</source>
            <translation>optional, z. B. 0</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>Go on without the bucket check</source>
            <translation>Ohne Bucket-Prüfung fortfahren</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>S3 bucket</source>
            <translation>S3-Bucket</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>Bands</source>
            <translation>Kanäle</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>Band type</source>
            <translation>Kanaltyp</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>No-data value</source>
            <translation>NoData-Wert</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>The collection has %n tiles: the bucket and the band types can no longer change; bands can be renamed (same order).</source>
            <translation>
                <numerusform>Die Kollektion hat %n Kachel: Bucket und Kanaltypen können nicht mehr geändert werden; Kanäle können umbenannt werden (gleiche Reihenfolge).</numerusform>
                <numerusform>Die Kollektion hat %n Kacheln: Bucket und Kanaltypen können nicht mehr geändert werden; Kanäle können umbenannt werden (gleiche Reihenfolge).</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>Give a name and a bucket</source>
            <translation>Einen Namen und einen Bucket angeben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>Checking bucket {}…</source>
            <translation>Bucket {} wird geprüft…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>Checking bucket {}</source>
            <translation>Bucket {} wird geprüft</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>Bucket check failed: {}</source>
            <translation>Bucket-Prüfung fehlgeschlagen: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>Edit collection {}</source>
            <translation>Kollektion {} bearbeiten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/collection_dialog.py" />
            <source>No-data value {!r} is not a number</source>
            <translation>NoData-Wert {!r} ist keine Zahl</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>e.g. My Sentinel Hub account</source>
            <translation>z. B. Mein Sentinel Hub-Konto</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Custom base URL (e.g. a local test service)</source>
            <translation>Eigene Basis-URL (z. B. ein lokaler Testdienst)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>empty: &lt;base URL&gt;/auth/realms/main/…/token</source>
            <translation>leer: &lt;Basis-URL&gt;/auth/realms/main/…/token</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Client id</source>
            <translation>Client-ID</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Client secret</source>
            <translation>Client-Secret</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>New from client id / secret…</source>
            <translation>Neu aus Client-ID / Secret…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>from your Sentinel Hub dashboard (OAuth clients)</source>
            <translation>aus Ihrem Sentinel Hub-Dashboard (OAuth-Clients)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>stored encrypted in the QGIS auth manager</source>
            <translation>verschlüsselt in der QGIS-Authentifizierungsverwaltung gespeichert</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Deployment</source>
            <translation>Bereitstellung</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Base URL</source>
            <translation>Basis-URL</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Token URL</source>
            <translation>Token-URL</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Credentials</source>
            <translation>Zugangsdaten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>S3 bucket access for uploads (optional)</source>
            <translation>S3-Bucket-Zugriff für das Hochladen (optional)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Access key id</source>
            <translation>Access Key ID</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Secret access key</source>
            <translation>Secret Access Key</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>New from access keys…</source>
            <translation>Neu aus Zugriffsschlüsseln…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>empty: AWS; else host[:port], e.g. eodata.example.com</source>
            <translation>leer: AWS; sonst host[:port], z. B. eodata.example.com</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>HTTPS</source>
            <translation>HTTPS</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Path-style addressing</source>
            <translation>Adressierung im Pfadstil</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Endpoint</source>
            <translation>Endpunkt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Region</source>
            <translation>Region</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Test connection</source>
            <translation>Verbindung testen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Get a token and list the collections; with S3 settings also check the keys and the buckets</source>
            <translation>Ein Token holen und die Kollektionen auflisten; mit S3-Einstellungen auch die Schlüssel und die Buckets prüfen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Not tested yet.</source>
            <translation>Noch nicht getestet.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Save connection</source>
            <translation>Verbindung speichern</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>%n collections visible</source>
            <translation>
                <numerusform>%n Kollektion sichtbar</numerusform>
                <numerusform>%n Kollektionen sichtbar</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Testing…</source>
            <translation>Wird getestet…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Testing the Sentinel Hub connection</source>
            <translation>Die Sentinel Hub-Verbindung wird getestet</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Sentinel Hub connection</source>
            <translation>Sentinel Hub-Verbindung</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Changed since the last test.</source>
            <translation>Seit dem letzten Test geändert.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Give the base URL of the custom deployment, e.g. http://127.0.0.1:8000</source>
            <translation>Die Basis-URL der eigenen Bereitstellung angeben, z. B. http://127.0.0.1:8000</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Give the connection a name (without '/')</source>
            <translation>Der Verbindung einen Namen geben (ohne '/')</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Choose the credentials, or create them with “New from client id / secret…”</source>
            <translation>Die Zugangsdaten wählen oder mit „Neu aus Client-ID / Secret…“ anlegen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>BYOC {}</source>
            <translation>BYOC {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>connection</source>
            <translation>Verbindung</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>BYOC {} S3</source>
            <translation>BYOC {} S3</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>The last test of this connection failed:

{}

Save it anyway?</source>
            <translation>Der letzte Test dieser Verbindung ist fehlgeschlagen:

{}

Trotzdem speichern?</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Edit connection {}</source>
            <translation>Verbindung {} bearbeiten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Choose the credentials first, or create them from a client id and secret</source>
            <translation>Zuerst die Zugangsdaten wählen oder aus Client-ID und Secret anlegen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>Connected to {}: {}.</source>
            <translation>Verbunden mit {}: {}.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>A connection named {!r} exists already</source>
            <translation>Eine Verbindung namens {!r} existiert bereits</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>S3: {}</source>
            <translation>S3: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/connection_dialog.py" />
            <source>S3 problem: {}</source>
            <translation>S3-Problem: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Batch</source>
            <translation>Batch</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Add a connection first (+ beside the connection box).</source>
            <translation>Zuerst eine Verbindung hinzufügen (+ neben der Verbindungsauswahl).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Show the tiles of a collection first.</source>
            <translation>Zuerst die Kacheln einer Kollektion zeigen.</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>%n failed</source>
            <translation>
                <numerusform>%n fehlgeschlagen</numerusform>
                <numerusform>%n fehlgeschlagen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>BYOC tiles</source>
            <translation>BYOC-Kacheln</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Connection</source>
            <translation>Verbindung</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Show tiles</source>
            <translation>Kacheln zeigen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Zoom to tiles</source>
            <translation>Auf Kacheln zoomen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Failed tiles</source>
            <translation>Fehlgeschlagene Kacheln</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Create or choose a connection first</source>
            <translation>Zuerst eine Verbindung anlegen oder wählen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Select a collection first.</source>
            <translation>Zuerst eine Kollektion auswählen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>No connection yet</source>
            <translation>Noch keine Verbindung</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Tiles: none shown yet</source>
            <translation>Kacheln: noch keine gezeigt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Show the tiles of a collection, then select some on the map to act on them.</source>
            <translation>Die Kacheln einer Kollektion zeigen, dann einige auf der Karte auswählen, um mit ihnen zu arbeiten.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>The layer has no tiles yet.</source>
            <translation>Der Layer hat noch keine Kacheln.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>No tile has failed.</source>
            <translation>Keine Kachel ist fehlgeschlagen.</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Tiles of {}: %n tiles, {} selected</source>
            <translation>
                <numerusform>Kacheln von {}: %n Kachel, {} ausgewählt</numerusform>
                <numerusform>Kacheln von {}: %n Kacheln, {} ausgewählt</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>No connection yet.</source>
            <translation>Noch keine Verbindung.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>No connection yet — click + beside the connection box above to add a Sentinel Hub service.</source>
            <translation>Noch keine Verbindung — oben auf + neben der Verbindungsauswahl klicken, um einen Sentinel Hub-Dienst hinzuzufügen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Select one or more tiles in the map first.</source>
            <translation>Zuerst eine oder mehrere Kacheln in der Karte auswählen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>live refresh stopped (see the message bar)</source>
            <translation>Live-Aktualisierung gestoppt (siehe Meldungsleiste)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Testing {}</source>
            <translation>{} wird getestet</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Connected: %n collections visible</source>
            <translation>
                <numerusform>Verbunden: %n Kollektion sichtbar</numerusform>
                <numerusform>Verbunden: %n Kollektionen sichtbar</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Tiles of {}</source>
            <translation>Kacheln von {}</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>%n tiles cannot be shown and were skipped (first: {}); details in the BYOC log tab</source>
            <translation>
                <numerusform>%n Kachel kann nicht gezeigt werden und wurde übersprungen (erste: {}); Details im Reiter BYOC der Protokollmeldungen</numerusform>
                <numerusform>%n Kacheln können nicht gezeigt werden und wurden übersprungen (erste: {}); Details im Reiter BYOC der Protokollmeldungen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Connection: {}</source>
            <translation>Verbindung: {}</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>%n still ingesting (refreshing)</source>
            <translation>
                <numerusform>%n wird noch eingelesen (wird aktualisiert)</numerusform>
                <numerusform>%n werden noch eingelesen (wird aktualisiert)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Connection {} ({})</source>
            <translation>Verbindung {} ({})</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Loading the tiles of {}: %n tiles</source>
            <translation>
                <numerusform>Kacheln von {} werden geladen: %n Kachel</numerusform>
                <numerusform>Kacheln von {} werden geladen: %n Kacheln</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>Loading the tiles of {}…</source>
            <translation>Kacheln von {} werden geladen…</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/dock.py" />
            <source>%n failed tiles are selected: Reingest or Delete act on all of them; select up to {} of them (attribute table: Show Selected Features) to explain why they failed.</source>
            <translation>
                <numerusform>%n fehlgeschlagene Kachel ist ausgewählt: Neu einlesen oder Löschen wirken auf sie; bis zu {} davon auswählen (Attributtabelle: Gewählte Objekte anzeigen), um zu erklären, warum sie fehlschlugen.</numerusform>
                <numerusform>%n fehlgeschlagene Kacheln sind ausgewählt: Neu einlesen oder Löschen wirken auf alle; bis zu {} davon auswählen (Attributtabelle: Gewählte Objekte anzeigen), um zu erklären, warum sie fehlschlugen.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_collections.py" />
            <source>No collections yet — click + (New collection) below to create one on your S3 bucket.</source>
            <translation>Noch keine Kollektionen — unten auf + (Neue Kollektion) klicken, um eine in Ihrem S3-Bucket anzulegen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_collections.py" />
            <source>Listing collections…</source>
            <translation>Kollektionen werden aufgelistet…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_collections.py" />
            <source>Listing BYOC collections</source>
            <translation>BYOC-Kollektionen werden aufgelistet</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_collections.py" />
            <source>Counting tiles</source>
            <translation>Kacheln werden gezählt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_collections.py" />
            <source>Edit collection</source>
            <translation>Kollektion bearbeiten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_collections.py" />
            <source>No collection matches “{}”.</source>
            <translation>Keine Kollektion passt zu „{}“.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_collections.py" />
            <source>Collections could not be listed (see the message bar).</source>
            <translation>Kollektionen konnten nicht aufgelistet werden (siehe Meldungsleiste).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_collections.py" />
            <source>The collections could not be listed: see the message bar.</source>
            <translation>Die Kollektionen konnten nicht aufgelistet werden: siehe Meldungsleiste.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_collections.py" />
            <source>Collections of {}</source>
            <translation>Kollektionen von {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_collections.py" />
            <source>Saved</source>
            <translation>Gespeichert</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/dock_collections.py" />
            <source>%n collections on {}</source>
            <translation>
                <numerusform>%n Kollektion auf {}</numerusform>
                <numerusform>%n Kollektionen auf {}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_collections.py" />
            <source>{}
id {}</source>
            <translation>{}
ID {}</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>New sensing time (UTC) for the %n selected tiles</source>
            <translation>
                <numerusform>Neue Aufnahmezeit (UTC) für die %n ausgewählte Kachel</numerusform>
                <numerusform>Neue Aufnahmezeit (UTC) für die %n ausgewählten Kacheln</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>Layer whose selected (or only) polygon becomes the cover of the selected tiles</source>
            <translation>Layer, dessen ausgewähltes (oder einziges) Polygon zur Abdeckung der ausgewählten Kacheln wird</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>Delete the %n selected tiles from the collection? Their files in S3 stay.</source>
            <translation>
                <numerusform>Die %n ausgewählte Kachel aus der Kollektion löschen? Ihre Dateien in S3 bleiben erhalten.</numerusform>
                <numerusform>Die %n ausgewählten Kacheln aus der Kollektion löschen? Ihre Dateien in S3 bleiben erhalten.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>Ask the service to ingest the %n selected tiles again? Each is read from S3 once more.</source>
            <translation>
                <numerusform>Den Dienst bitten, die %n ausgewählte Kachel erneut einzulesen? Sie wird noch einmal aus S3 gelesen.</numerusform>
                <numerusform>Den Dienst bitten, die %n ausgewählten Kacheln erneut einzulesen? Jede wird noch einmal aus S3 gelesen.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>Update sensing time</source>
            <translation>Aufnahmezeit ändern</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>Set cover from a layer's feature</source>
            <translation>Abdeckung aus dem Objekt eines Layers setzen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>The copies point at the same paths: the target collection reads them from its own bucket.</source>
            <translation>Die Kopien zeigen auf dieselben Pfade: Die Zielkollektion liest sie aus ihrem eigenen Bucket.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>Copy tiles to another collection</source>
            <translation>Kacheln in eine andere Kollektion kopieren</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>Why did these tiles fail?</source>
            <translation>Warum sind diese Kacheln fehlgeschlagen?</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>The files in your S3 bucket stay; only the collection and its tile registrations are removed. This cannot be undone.</source>
            <translation>Die Dateien in Ihrem S3-Bucket bleiben erhalten; nur die Kollektion und ihre Kachelregistrierungen werden entfernt. Das kann nicht rückgängig gemacht werden.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>Delete tiles</source>
            <translation>Kacheln löschen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>Remove the connection {}? Its credentials stay in the QGIS authentication database.</source>
            <translation>Die Verbindung {} entfernen? Ihre Zugangsdaten bleiben in der QGIS-Authentifizierungsdatenbank.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>Reingest tiles</source>
            <translation>Kacheln neu einlesen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>Delete the collection {} and all its tiles from Sentinel Hub?</source>
            <translation>Die Kollektion {} und alle ihre Kacheln aus Sentinel Hub löschen?</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/dock_dialogs.py" />
            <source>Delete the collection {} and its %n tiles from Sentinel Hub?</source>
            <translation>
                <numerusform>Die Kollektion {} und ihre %n Kachel aus Sentinel Hub löschen?</numerusform>
                <numerusform>Die Kollektion {} und ihre %n Kacheln aus Sentinel Hub löschen?</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_tiles.py" />
            <source>Save as GeoPackage</source>
            <translation>Als GeoPackage speichern</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_tiles.py" />
            <source>Set cover from a layer</source>
            <translation>Abdeckung aus einem Layer setzen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_tiles.py" />
            <source>Re-trace cover</source>
            <translation>Abdeckung neu umreißen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_tiles.py" />
            <source>Copy tiles</source>
            <translation>Kacheln kopieren</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_tiles.py" />
            <source>Explain failure</source>
            <translation>Fehler erklären</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_tiles.py" />
            <source>Save tiles as GeoPackage</source>
            <translation>Kacheln als GeoPackage speichern</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_tiles.py" />
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_tiles.py" />
            <source>No tiles layer</source>
            <translation>Kein Kachel-Layer</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_tiles.py" />
            <source>Refresh the collection list first</source>
            <translation>Zuerst die Kollektionsliste aktualisieren</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_tiles.py" />
            <source>There is no other collection to copy to</source>
            <translation>Es gibt keine andere Kollektion, in die kopiert werden kann</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/dock_tiles.py" />
            <source>%n tiles saved to {}</source>
            <translation>
                <numerusform>%n Kachel in {} gespeichert</numerusform>
                <numerusform>%n Kacheln in {} gespeichert</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Select the failed tiles (also those without an outline on the map) and explain why they failed</source>
            <translation>Die fehlgeschlagenen Kacheln auswählen (auch die ohne Umriss auf der Karte) und erklären, warum sie fehlschlugen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Collections</source>
            <translation>Kollektionen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Not connected.</source>
            <translation>Nicht verbunden.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>New connection…</source>
            <translation>Neue Verbindung…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>New connection: add a Sentinel Hub (or localhub) service with its credentials</source>
            <translation>Neue Verbindung: einen Sentinel Hub-Dienst (oder localhub) mit seinen Zugangsdaten hinzufügen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Edit connection…</source>
            <translation>Verbindung bearbeiten…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Edit the chosen connection: service, credentials, S3 settings</source>
            <translation>Die gewählte Verbindung bearbeiten: Dienst, Zugangsdaten, S3-Einstellungen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Remove the chosen connection (its collections on the service stay)</source>
            <translation>Die gewählte Verbindung entfernen (ihre Kollektionen im Dienst bleiben erhalten)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Test the connection: get a token and list the collections</source>
            <translation>Die Verbindung testen: ein Token holen und die Kollektionen auflisten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Test</source>
            <translation>Testen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Search collections (on the service)…</source>
            <translation>Kollektionen suchen…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Refresh: list the connection's collections again</source>
            <translation>Aktualisieren: die Kollektionen der Verbindung erneut auflisten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>New collection…</source>
            <translation>Neue Kollektion…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>New collection: create a collection on an S3 bucket</source>
            <translation>Neue Kollektion: eine Kollektion auf einem S3-Bucket anlegen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Edit collection…</source>
            <translation>Kollektion bearbeiten…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Edit collection: rename it or its bands, change its no-data value</source>
            <translation>Kollektion bearbeiten: sie oder ihre Kanäle umbenennen, ihren NoData-Wert ändern</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Delete collection…</source>
            <translation>Kollektion löschen…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Delete collection: remove it and its tiles from the service (the S3 files stay)</source>
            <translation>Kollektion löschen: sie und ihre Kacheln aus dem Dienst entfernen (die S3-Dateien bleiben erhalten)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Show tiles: load the collection's tiles into a layer that follows their ingestion</source>
            <translation>Kacheln zeigen: die Kacheln der Kollektion in einen Layer laden, der ihrem Einlesen folgt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Add tiles…</source>
            <translation>Kacheln hinzufügen…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Add tiles: check, convert and upload rasters as new tiles of the collection</source>
            <translation>Kacheln hinzufügen: Raster prüfen, umwandeln und als neue Kacheln der Kollektion hochladen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Process: render an area of the collection with an evalscript into a raster layer</source>
            <translation>Verarbeiten: ein Gebiet der Kollektion mit einem Evalscript in einen Raster-Layer berechnen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Zoom to tiles: show all the tiles of the layer on the map</source>
            <translation>Auf Kacheln zoomen: alle Kacheln des Layers auf der Karte zeigen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Update sensing time…</source>
            <translation>Aufnahmezeit ändern…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Update sensing time: give the selected tiles one sensing time</source>
            <translation>Aufnahmezeit ändern: den ausgewählten Kacheln eine Aufnahmezeit geben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Set cover from a layer's feature…</source>
            <translation>Abdeckung aus dem Objekt eines Layers setzen…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Set cover: give the selected tiles the polygon of another layer's feature as their cover</source>
            <translation>Abdeckung setzen: den ausgewählten Kacheln das Polygon eines Objekts eines anderen Layers als Abdeckung geben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Re-trace cover from the tile's COGs</source>
            <translation>Abdeckung aus den COGs der Kachel neu umreißen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Re-trace cover: trace the selected tiles' covers again from their COGs in S3</source>
            <translation>Abdeckung neu umreißen: die Abdeckungen der ausgewählten Kacheln erneut aus ihren COGs in S3 umreißen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Reingest</source>
            <translation>Neu einlesen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Reingest: ask the service to ingest the selected tiles again</source>
            <translation>Neu einlesen: den Dienst bitten, die ausgewählten Kacheln erneut einzulesen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Delete tiles…</source>
            <translation>Kacheln löschen…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Delete tiles: remove the selected tiles from the collection (their S3 files stay)</source>
            <translation>Kacheln löschen: die ausgewählten Kacheln aus der Kollektion entfernen (ihre S3-Dateien bleiben erhalten)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Copy to another collection…</source>
            <translation>In eine andere Kollektion kopieren…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Copy tiles: register the selected tiles in another collection too</source>
            <translation>Kacheln kopieren: die ausgewählten Kacheln zusätzlich in einer anderen Kollektion registrieren</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Explain failure: why did the selected failed tiles fail, and how to fix their files</source>
            <translation>Fehler erklären: warum die ausgewählten fehlgeschlagenen Kacheln fehlschlugen und wie ihre Dateien zu beheben sind</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Save tiles as GeoPackage…</source>
            <translation>Kacheln als GeoPackage speichern…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Save tiles as GeoPackage: write the tiles layer to a file</source>
            <translation>Kacheln als GeoPackage speichern: den Kachel-Layer in eine Datei schreiben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Bucket</source>
            <translation>Bucket</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/dock_ui.py" />
            <source>Created</source>
            <translation>Erstellt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/layer_tree.py" />
            <source>BYOC: {}</source>
            <translation>BYOC: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/notify.py" />
            <source>Cancelled.</source>
            <translation>Abgebrochen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/notify.py" />
            <source>(details in the BYOC log tab)</source>
            <translation>(Details im Reiter BYOC der Protokollmeldungen)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/notify.py" />
            <source>Retry</source>
            <translation>Erneut versuchen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/notify.py" />
            <source>The action failed: {}</source>
            <translation>Die Aktion ist fehlgeschlagen: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/options_page.py" />
            <source>[next to the saved project, else in Documents]</source>
            <translation>[neben dem gespeicherten Projekt, sonst in Dokumente]</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/options_page.py" />
            <source>Rasters made by the Process dialog are saved here when no file is given. Empty: in byoc_results next to the saved project, else in Documents/Sentinel Hub BYOC.</source>
            <translation>Raster aus dem Dialog Verarbeiten werden hier gespeichert, wenn keine Datei angegeben ist. Leer: in byoc_results neben dem gespeicherten Projekt, sonst in Dokumente/Sentinel Hub BYOC.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/options_page.py" />
            <source>Processed rasters folder</source>
            <translation>Ordner für verarbeitete Raster</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/outage_notices.py" />
            <source>service failing (HTTP {}) — retrying in {} s</source>
            <translation>Dienst antwortet mit Fehler (HTTP {}) — neuer Versuch in {} s</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/outage_notices.py" />
            <source>Live refresh stopped: {}</source>
            <translation>Live-Aktualisierung gestoppt: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/outage_notices.py" />
            <source>service unreachable — retrying in {} s</source>
            <translation>Dienst nicht erreichbar — neuer Versuch in {} s</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/outage_notices.py" />
            <source>Service reachable again: live refresh resumed</source>
            <translation>Dienst wieder erreichbar: Live-Aktualisierung fortgesetzt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_again.py" />
            <source>Process again</source>
            <translation>Erneut verarbeiten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_again.py" />
            <source>Process again…</source>
            <translation>Erneut verarbeiten…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_again.py" />
            <source>Open the Process dialog with the request that made this raster</source>
            <translation>Den Dialog Verarbeiten mit der Anfrage öffnen, die dieses Raster erzeugt hat</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_again.py" />
            <source>Reading collection {}</source>
            <translation>Kollektion {} wird gelesen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_again.py" />
            <source>The connection {} that made {} does not exist here</source>
            <translation>Die Verbindung {}, die {} erzeugt hat, existiert hier nicht</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>True colour</source>
            <translation>Echtfarben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>False colour</source>
            <translation>Falschfarben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Normalized difference</source>
            <translation>Normalisierte Differenz</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Single band</source>
            <translation>Einzelkanal</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>All bands</source>
            <translation>Alle Kanäle</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Extent</source>
            <translation>Ausdehnung</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Save to</source>
            <translation>Speichern unter</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Most recent on top</source>
            <translation>Neueste oben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Least recent on top</source>
            <translation>Älteste oben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Metres per pixel</source>
            <translation>Meter pro Pixel</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Pixel size (width × height)</source>
            <translation>Pixelgröße (Breite × Höhe)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Only tiles sensed between</source>
            <translation>Nur Kacheln, aufgenommen zwischen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Insert template</source>
            <translation>Vorlage einfügen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>GeoTIFF (*.tif);;PNG (*.png);;JPEG (*.jpg)</source>
            <translation>GeoTIFF (*.tif);;PNG (*.png);;JPEG (*.jpg)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Run</source>
            <translation>Ausführen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Add as live view</source>
            <translation>Als Live-Ansicht hinzufügen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Add the collection to the map as a layer drawn through the Process API at any zoom, with this evalscript, time range and mosaicking order. Nothing is requested until the map shows it.</source>
            <translation>Die Kollektion als Layer zur Karte hinzufügen, der in jedem Maßstab über die Process API mit diesem Evalscript, Zeitraum und dieser Mosaikreihenfolge gezeichnet wird. Es wird nichts angefragt, bevor die Karte ihn zeigt.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Custom evalscript</source>
            <translation>Eigenes Evalscript</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Live view added</source>
            <translation>Live-Ansicht hinzugefügt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Requesting…</source>
            <translation>Wird angefragt…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>and</source>
            <translation>und</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>The collection has no bands yet (no tile ingested): write the evalscript yourself.</source>
            <translation>Die Kollektion hat noch keine Kanäle (keine Kachel eingelesen): Das Evalscript bitte selbst schreiben.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Choose an extent (canvas, a layer or draw a rectangle)</source>
            <translation>Eine Ausdehnung wählen (Kartenansicht, ein Layer oder ein Rechteck zeichnen)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>{} × {} px in {}</source>
            <translation>{} × {} px in {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Process request on {}: {}</source>
            <translation>Process-Anfrage auf {}: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Process {}</source>
            <translation>{} verarbeiten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>[Save in {}]</source>
            <translation>[In {} speichern]</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Bands of {}</source>
            <translation>Kanäle von {}</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>split automatically into %n requests of at most 2500 px</source>
            <translation>
                <numerusform>automatisch in %n Anfrage zu höchstens 2500 px aufgeteilt</numerusform>
                <numerusform>automatisch in %n Anfragen zu höchstens 2500 px aufgeteilt</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>too large for PNG/JPEG (2500 px at most): choose GeoTIFF or a coarser resolution</source>
            <translation>zu groß für PNG/JPEG (höchstens 2500 px): GeoTIFF oder eine gröbere Auflösung wählen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>Live view of {}</source>
            <translation>Live-Ansicht von {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>{} ({} × {} px) added to the map</source>
            <translation>{} ({} × {} px) zur Karte hinzugefügt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>{0} holds only {1} samples but the evalscript outputs sampleType {2}: use sampleType AUTO with values scaled to 0..1 (or insert the template again), or choose GeoTIFF.</source>
            <translation>{0} enthält nur {1}-Werte, aber das Evalscript gibt sampleType {2} aus: sampleType AUTO mit auf 0..1 skalierten Werten verwenden (oder die Vorlage erneut einfügen) oder GeoTIFF wählen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>{0} takes {1} bands but the evalscript outputs {2}: change the output's bands or choose GeoTIFF.</source>
            <translation>{0} nimmt {1} Kanäle auf, aber das Evalscript gibt {2} aus: die Kanäle der Ausgabe ändern oder GeoTIFF wählen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_dialog.py" />
            <source>The result {} could not be opened</source>
            <translation>Das Ergebnis {} konnte nicht geöffnet werden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_results.py" />
            <source>all times</source>
            <translation>alle Zeiten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_results.py" />
            <source>Evalscript:</source>
            <translation>Evalscript:</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_results.py" />
            <source>degrees</source>
            <translation>Grad</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_results.py" />
            <source>metres</source>
            <translation>Meter</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_results.py" />
            <source>{} to {}</source>
            <translation>{} bis {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_results.py" />
            <source>Sentinel Hub BYOC collection {} ({}), connection {}.</source>
            <translation>Sentinel Hub BYOC-Kollektion {} ({}), Verbindung {}.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_results.py" />
            <source>Time range: {}; mosaicking: {}.</source>
            <translation>Zeitraum: {}; Mosaikbildung: {}.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_results.py" />
            <source>{} × {} px in {}, {:g} × {:g} {} per pixel.</source>
            <translation>{} × {} px in {}, {:g} × {:g} {} pro Pixel.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_results.py" />
            <source>Processed with the Sentinel Hub BYOC plugin on {}</source>
            <translation>Verarbeitet mit der Erweiterung Sentinel Hub BYOC am {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/process_results.py" />
            <source>Process API request: {}</source>
            <translation>Process API-Anfrage: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/result_group.py" />
            <source>{} — results</source>
            <translation>{} — Ergebnisse</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tasks.py" />
            <source>Processing algorithm {} is not available (is the byoc provider loaded?)</source>
            <translation>Der Verarbeitungsalgorithmus {} ist nicht verfügbar (ist der byoc-Provider geladen?)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>Show the tiles of a collection first, then select some tiles.</source>
            <translation>Zuerst die Kacheln einer Kollektion zeigen, dann einige Kacheln auswählen.</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>%n tiles updated</source>
            <translation>
                <numerusform>%n Kachel aktualisiert</numerusform>
                <numerusform>%n Kacheln aktualisiert</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>The chosen feature has no geometry</source>
            <translation>Das gewählte Objekt hat keine Geometrie</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>Cover set on %n tiles</source>
            <translation>
                <numerusform>Abdeckung für %n Kachel gesetzt</numerusform>
                <numerusform>Abdeckung für %n Kacheln gesetzt</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>Reingestion requested for %n tiles</source>
            <translation>
                <numerusform>Neues Einlesen für %n Kachel angefordert</numerusform>
                <numerusform>Neues Einlesen für %n Kacheln angefordert</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>%n tiles deleted; their S3 files stay</source>
            <translation>
                <numerusform>%n Kachel gelöscht; ihre S3-Dateien bleiben erhalten</numerusform>
                <numerusform>%n Kacheln gelöscht; ihre S3-Dateien bleiben erhalten</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>Copy tiles to {}</source>
            <translation>Kacheln nach {} kopieren</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>Select one or more FAILED tiles to explain.</source>
            <translation>Eine oder mehrere Kacheln mit FAILED zum Erklären auswählen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>The service gave no cause.</source>
            <translation>Der Dienst hat keine Ursache genannt.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>No pre-flight rule matches.</source>
            <translation>Keine Regel der Vorabprüfung trifft zu.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>(found by checking the tile's files)</source>
            <translation>(gefunden durch Prüfen der Dateien der Kachel)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>Select one or more tiles in the layer {}.</source>
            <translation>Eine oder mehrere Kacheln im Layer {} auswählen.</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>Cover traced again for {} of %n tiles</source>
            <translation>
                <numerusform>Abdeckung für {} von %n Kachel neu umrissen</numerusform>
                <numerusform>Abdeckung für {} von %n Kacheln neu umrissen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>%n were there already</source>
            <translation>
                <numerusform>%n war schon vorhanden</numerusform>
                <numerusform>%n waren schon vorhanden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>%n no longer exist</source>
            <translation>
                <numerusform>%n existiert nicht mehr</numerusform>
                <numerusform>%n existieren nicht mehr</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>Pre-flight rule: {}</source>
            <translation>Regel der Vorabprüfung: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>Select exactly one feature in {} to use as the cover</source>
            <translation>Genau ein Objekt in {} als Abdeckung auswählen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tile_actions.py" />
            <source>Fix:</source>
            <translation>Behebung:</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/tiles_layer.py" />
            <source>… and %n more tiles of {} cannot be shown</source>
            <translation>
                <numerusform>… und %n weitere Kachel von {} kann nicht gezeigt werden</numerusform>
                <numerusform>… und %n weitere Kacheln von {} können nicht gezeigt werden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/tiles_layer.py" />
            <source>Could not add %n tiles to the layer {}</source>
            <translation>
                <numerusform>%n Kachel konnte nicht zum Layer {} hinzugefügt werden</numerusform>
                <numerusform>%n Kacheln konnten nicht zum Layer {} hinzugefügt werden</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_layer.py" />
            <source>Loading the tiles of {}</source>
            <translation>Kacheln von {} werden geladen</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/tiles_layer.py" />
            <source>%n tiles of {} loaded in {:.1f} s</source>
            <translation>
                <numerusform>%n Kachel von {} in {:.1f} s geladen</numerusform>
                <numerusform>%n Kacheln von {} in {:.1f} s geladen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_layer.py" />
            <source>Refreshing the tiles of {}</source>
            <translation>Kacheln von {} werden aktualisiert</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_layer.py" />
            <source>Refreshing {} failed: {}</source>
            <translation>Aktualisieren von {} fehlgeschlagen: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_layer.py" />
            <source>Tile {} ({}) of {} cannot be shown: {}</source>
            <translation>Kachel {} ({}) von {} kann nicht gezeigt werden: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_memory.py" />
            <source>Ingested</source>
            <translation>Eingelesen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_memory.py" />
            <source>In progress: ingesting</source>
            <translation>In Arbeit: wird eingelesen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_memory.py" />
            <source>In progress: queued</source>
            <translation>In Arbeit: in der Warteschlange</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_memory.py" />
            <source>In progress: waiting</source>
            <translation>In Arbeit: wartet</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_memory.py" />
            <source>Ingestion started</source>
            <translation>Einlesen begonnen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_memory.py" />
            <source>Why it failed</source>
            <translation>Fehlerursache</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_memory.py" />
            <source>Files' CRS</source>
            <translation>KBS der Dateien</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_memory.py" />
            <source>Resolution (m/px)</source>
            <translation>Auflösung (m/px)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_memory.py" />
            <source>Coarsest overview (m/px)</source>
            <translation>Gröbste Übersicht (m/px)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_memory.py" />
            <source>Other</source>
            <translation>Andere</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/tiles_open.py" />
            <source>%n tiles loaded</source>
            <translation>
                <numerusform>%n Kachel geladen</numerusform>
                <numerusform>%n Kacheln geladen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_open.py" />
            <source>There is no connection named {}</source>
            <translation>Es gibt keine Verbindung namens {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_open.py" />
            <source>The name of collection {} could not be read: {}</source>
            <translation>Der Name der Kollektion {} konnte nicht gelesen werden: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_open.py" />
            <source>The layer {} stays in the project as it was; Retry, or Show tiles once the service answers</source>
            <translation>Der Layer {} bleibt unverändert im Projekt; Erneut versuchen oder Kacheln zeigen, sobald der Dienst antwortet</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_restore.py" />
            <source>BYOC tiles layers</source>
            <translation>BYOC-Kachel-Layer</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_restore.py" />
            <source>Restoring the tiles layer {}</source>
            <translation>Kachel-Layer {} wird wiederhergestellt</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/gui/tiles_restore.py" />
            <source>%n tiles layers need connections that do not exist here: {}. They stay in the project without tiles. Add the connections in the Sentinel Hub BYOC panel, then Show tiles.</source>
            <translation>
                <numerusform>%n Kachel-Layer benötigt Verbindungen, die hier nicht existieren: {}. Er bleibt ohne Kacheln im Projekt. Die Verbindungen im Bedienfeld Sentinel Hub BYOC hinzufügen, dann Kacheln zeigen.</numerusform>
                <numerusform>%n Kachel-Layer benötigen Verbindungen, die hier nicht existieren: {}. Sie bleiben ohne Kacheln im Projekt. Die Verbindungen im Bedienfeld Sentinel Hub BYOC hinzufügen, dann Kacheln zeigen.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/gui/tiles_restore.py" />
            <source>The tiles layer {} needs the connection {}, which does not exist here: it stays in the project as it is, without tiles</source>
            <translation>Der Kachel-Layer {} benötigt die Verbindung {}, die hier nicht existiert: Er bleibt unverändert ohne Kacheln im Projekt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/live/dialog_action.py" />
            <source>{} (live view)</source>
            <translation>{} (Live-Ansicht)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/live/dialog_action.py" />
            <source>A live view shows 1 or 3 bands: choose another template than “{}”, or write the evalscript.</source>
            <translation>Eine Live-Ansicht zeigt 1 oder 3 Kanäle: eine andere Vorlage als „{}“ wählen oder das Evalscript schreiben.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/live/layer.py" />
            <source>This evalscript cannot be shown as a live view: {}</source>
            <translation>Dieses Evalscript kann nicht als Live-Ansicht gezeigt werden: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/live/layer.py" />
            <source>BYOC live view {}</source>
            <translation>BYOC-Live-Ansicht {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/live/layer.py" />
            <source>QGIS could not create the live view layer: {}</source>
            <translation>QGIS konnte den Layer der Live-Ansicht nicht erstellen: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/live/service.py" />
            <source>Live view “{}”</source>
            <translation>Live-Ansicht „{}“</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/live/service.py" />
            <source>The connection “{}” does not exist on this computer. Create it (same name) in the BYOC panel, then refresh the map.</source>
            <translation>Die Verbindung „{}“ existiert auf diesem Computer nicht. Sie (mit gleichem Namen) im Bedienfeld BYOC anlegen, dann die Karte aktualisieren.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/live/service.py" />
            <source>The credentials of connection “{}” cannot be read: {}</source>
            <translation>Die Zugangsdaten der Verbindung „{}“ können nicht gelesen werden: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/live/service.py" />
            <source>Zoom in to see this collection: the service renders it at {} m per pixel at most.</source>
            <translation>Hineinzoomen, um diese Kollektion zu sehen: Der Dienst zeichnet sie mit höchstens {} m pro Pixel.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/plugin.py" />
            <source>Show or hide the Sentinel Hub BYOC panel</source>
            <translation>Das Bedienfeld Sentinel Hub BYOC zeigen oder verbergen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_common.py" />
            <source>Batch Processing API</source>
            <translation>Batch Processing API</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_common.py" />
            <source>Batch task id (empty: every task of the account)</source>
            <translation>Batch-Aufgaben-ID (leer: jede Aufgabe des Kontos)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_common.py" />
            <source>Batch task id</source>
            <translation>Batch-Aufgaben-ID</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_common.py" />
            <source>TASK_ID {!r} is not a batch task id (a UUID such as the TASK_ID output of 'Create batch task')</source>
            <translation>TASK_ID {!r} ist keine Batch-Aufgaben-ID (eine UUID wie die Ausgabe TASK_ID von „Batch-Aufgabe erstellen“)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>UTM 20 km (id 0): 10, 20, 30, 60 m</source>
            <translation>UTM 20 km (ID 0): 10, 20, 30, 60 m</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>UTM 10 km (id 1): 10, 20 m</source>
            <translation>UTM 10 km (ID 1): 10, 20 m</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>UTM 100 km (id 2): 30, 60, 120, 240, 360 m</source>
            <translation>UTM 100 km (ID 2): 30, 60, 120, 240, 360 m</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>WGS84 1° (id 3): 0.0001, 0.0002°</source>
            <translation>WGS84 1° (ID 3): 0.0001, 0.0002°</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>LAEA 100 km (id 6, Europe): 40, 50, 100 m</source>
            <translation>LAEA 100 km (ID 6, Europa): 40, 50, 100 m</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>LAEA 20 km (id 7, Europe): 10, 20 m</source>
            <translation>LAEA 20 km (ID 7, Europa): 10, 20 m</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Create batch task</source>
            <translation>Batch-Aufgabe erstellen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Creates a Batch Processing API (v2) task: the evalscript runs on the service over every cell of a tiling grid that touches the area (EXTENT, or the polygons of AOI), and each cell's outputs are written as GeoTIFF/COG files to your S3 bucket under PATH (placeholders &lt;requestId&gt;, &lt;tileName&gt;, &lt;outputId&gt;, &lt;format&gt;; a plain folder means &lt;folder&gt;/&lt;requestId&gt;/&lt;tileName&gt;/&lt;outputId&gt;.&lt;format&gt;). The service writes with the S3 keys of S3_AUTHCFG (or an IAM role, IAM_ROLE_ARN); they are sent in the request and never shown. RESOLUTION is in the grid's units and must be one it offers. The evalscript is the given text or file, or generated from the collection's bands as in 'Process request to raster'; OUTPUTS picks the evalscript outputs to deliver (default: all). CREATE_COLLECTION registers the COGs as a new BYOC collection (needs COG and &lt;outputId&gt; in PATH). The number of cells is computed before anything is sent (MAX_CELLS guards against huge areas). With START the service analyses the task and processes it at once (this costs processing units); otherwise start it with 'Start batch task'. Follow with 'Wait for batch task' and 'Batch results to layers'.</source>
            <translation>Erstellt eine Aufgabe der Batch Processing API (v2): Das Evalscript läuft im Dienst über jede Zelle eines Kachelgitters, die das Gebiet berührt (EXTENT oder die Polygone von AOI), und die Ausgaben jeder Zelle werden als GeoTIFF-/COG-Dateien unter PATH in Ihren S3-Bucket geschrieben (Platzhalter &lt;requestId&gt;, &lt;tileName&gt;, &lt;outputId&gt;, &lt;format&gt;; ein einfacher Ordner bedeutet &lt;folder&gt;/&lt;requestId&gt;/&lt;tileName&gt;/&lt;outputId&gt;.&lt;format&gt;). Der Dienst schreibt mit den S3-Schlüsseln aus S3_AUTHCFG (oder einer IAM-Rolle, IAM_ROLE_ARN); sie werden in der Anfrage gesendet und nie angezeigt. RESOLUTION ist in den Einheiten des Gitters angegeben und muss eine von ihm angebotene sein. Das Evalscript ist der angegebene Text oder die Datei oder wird wie in „Process-Anfrage in Raster“ aus den Kanälen der Kollektion erzeugt; OUTPUTS wählt die zu liefernden Ausgaben des Evalscripts (Vorgabe: alle). CREATE_COLLECTION registriert die COGs als neue BYOC-Kollektion (benötigt COG und &lt;outputId&gt; in PATH). Die Zahl der Zellen wird berechnet, bevor etwas gesendet wird (MAX_CELLS schützt vor riesigen Gebieten). Mit START analysiert der Dienst die Aufgabe und verarbeitet sie sofort (das kostet Verarbeitungseinheiten); sonst mit „Batch-Aufgabe starten“ starten. Danach „Auf Batch-Aufgabe warten“ und „Batch-Ergebnisse als Layer“.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Grid cells</source>
            <translation>Gitterzellen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Delivery path template</source>
            <translation>Vorlage für den Lieferpfad</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Folder of the execution database and manifest</source>
            <translation>Ordner für Ausführungsdatenbank und Manifest</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Area: extent</source>
            <translation>Gebiet: Ausdehnung</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>…or area: polygon layer</source>
            <translation>…oder Gebiet: Polygon-Layer</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Resolution (grid units: metres, degrees for the WGS84 grid)</source>
            <translation>Auflösung (Gittereinheiten: Meter, Grad beim WGS84-Gitter)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Buffer X (pixels each side)</source>
            <translation>Puffer X (Pixel je Seite)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Buffer Y (pixels)</source>
            <translation>Puffer Y (Pixel)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>From (ISO 8601 date or time)</source>
            <translation>Von (ISO-8601-Datum oder -Zeit)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>To (ISO 8601 date or time)</source>
            <translation>Bis (ISO-8601-Datum oder -Zeit)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Mosaicking order</source>
            <translation>Mosaikreihenfolge</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Delivery S3 bucket</source>
            <translation>S3-Bucket für die Lieferung</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Path in the bucket (folder or template)</source>
            <translation>Pfad im Bucket (Ordner oder Vorlage)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Cloud Optimized GeoTIFF outputs</source>
            <translation>Ausgaben als Cloud Optimized GeoTIFF</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Start now (analyse and process; uses processing units)</source>
            <translation>Jetzt starten (analysieren und verarbeiten; verbraucht Verarbeitungseinheiten)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Give the area as EXTENT or as an AOI layer, not both</source>
            <translation>Das Gebiet als EXTENT oder als AOI-Layer angeben, nicht beides</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Give the area: EXTENT or an AOI polygon layer</source>
            <translation>Das Gebiet angeben: EXTENT oder einen AOI-Polygon-Layer</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>EXTENT is empty</source>
            <translation>EXTENT ist leer</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>The AOI layer has no polygon</source>
            <translation>Der AOI-Layer hat kein Polygon</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>BUCKET: give the bare bucket name (no s3://, no folder)</source>
            <translation>BUCKET: nur den Bucket-Namen angeben (kein s3://, kein Ordner)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Outputs to deliver (evalscript output ids, comma-separated; empty: all)</source>
            <translation>Zu liefernde Ausgaben (Ausgabe-IDs des Evalscripts, durch Kommas getrennt; leer: alle)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Overwrite existing output files</source>
            <translation>Vorhandene Ausgabedateien überschreiben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Skip cells whose outputs exist</source>
            <translation>Zellen überspringen, deren Ausgaben existieren</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>IAM role the service assumes to write (instead of S3 keys)</source>
            <translation>IAM-Rolle, die der Dienst zum Schreiben annimmt (statt S3-Schlüsseln)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Check that the bucket is reachable with the S3 keys first</source>
            <translation>Zuerst prüfen, ob der Bucket mit den S3-Schlüsseln erreichbar ist</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Refuse areas touching more grid cells than</source>
            <translation>Gebiete ablehnen, die mehr Gitterzellen berühren als</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Batch task {} created (%n cells)</source>
            <translation>
                <numerusform>Batch-Aufgabe {} erstellt (%n Zelle)</numerusform>
                <numerusform>Batch-Aufgabe {} erstellt (%n Zellen)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>%n grid cells of {} x {} px ({}); about {:.1f} MB uncompressed output</source>
            <translation>
                <numerusform>%n Gitterzelle zu {} x {} px ({}); etwa {:.1f} MB unkomprimierte Ausgabe</numerusform>
                <numerusform>%n Gitterzellen zu {} x {} px ({}); etwa {:.1f} MB unkomprimierte Ausgabe</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>The area touches no cell of grid {}</source>
            <translation>Das Gebiet berührt keine Zelle des Gitters {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>The service needs S3 keys to write to bucket {}: choose S3 credentials (S3_AUTHCFG), set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or give IAM_ROLE_ARN</source>
            <translation>Der Dienst braucht S3-Schlüssel, um in den Bucket {} zu schreiben: S3-Zugangsdaten wählen (S3_AUTHCFG), AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY setzen oder IAM_ROLE_ARN angeben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Batch task {} started: {}</source>
            <translation>Batch-Aufgabe {} gestartet: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>The area touches more than {} cells of grid {}: use a smaller area, a coarser grid or raise MAX_CELLS</source>
            <translation>Das Gebiet berührt mehr als {} Zellen des Gitters {}: ein kleineres Gebiet oder ein gröberes Gitter verwenden oder MAX_CELLS erhöhen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_create.py" />
            <source>Batch task {} was created but could not be started: {}</source>
            <translation>Batch-Aufgabe {} wurde erstellt, konnte aber nicht gestartet werden: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Batch results to layers</source>
            <translation>Batch-Ergebnisse als Layer</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Opens what a batch task delivered without downloading it: for each raster output a VRT mosaic of the delivered cell files, read from the bucket through GDAL /vsis3/ (one VRT per CRS when the cells span several UTM zones), added as raster layers; and the grid cells as a polygon layer with each cell's status (PENDING, DONE, FATAL), error ('No data' for cells without data) and output paths, from the task's execution database and feature manifest. Works while the task runs (what is delivered so far). S3_AUTHCFG (or the AWS_* variables) gives the keys of the delivery bucket: they stay in GDAL's per-bucket options while the layers are in the project and never appear in the VRTs or layer sources.</source>
            <translation>Öffnet, was eine Batch-Aufgabe geliefert hat, ohne es herunterzuladen: für jede Rasterausgabe ein VRT-Mosaik der gelieferten Zelldateien, über GDAL /vsis3/ aus dem Bucket gelesen (ein VRT je KBS, wenn die Zellen mehrere UTM-Zonen umfassen), als Raster-Layer hinzugefügt; und die Gitterzellen als Polygon-Layer mit dem Status jeder Zelle (PENDING, DONE, FATAL), Fehler („No data“ für Zellen ohne Daten) und Ausgabepfaden, aus der Ausführungsdatenbank und dem Objektmanifest der Aufgabe. Funktioniert, während die Aufgabe läuft (was bisher geliefert ist). S3_AUTHCFG (oder die AWS_*-Variablen) liefert die Schlüssel des Liefer-Buckets: Sie bleiben in GDALs Optionen je Bucket, solange die Layer im Projekt sind, und erscheinen nie in den VRTs oder Layerquellen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>No cell delivered yet: no mosaic</source>
            <translation>Noch keine Zelle geliefert: kein Mosaik</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Outputs (ids, comma-separated; empty: every raster output)</source>
            <translation>Ausgaben (IDs, durch Kommas getrennt; leer: jede Rasterausgabe)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>CRS of the cells layer</source>
            <translation>KBS des Zellen-Layers</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Folder for the VRT mosaics</source>
            <translation>Ordner für die VRT-Mosaike</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Mosaics</source>
            <translation>Mosaike</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Mosaics (VRT files)</source>
            <translation>Mosaike (VRT-Dateien)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Cells delivered</source>
            <translation>Gelieferte Zellen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Cells without data</source>
            <translation>Zellen ohne Daten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Cells failed</source>
            <translation>Fehlgeschlagene Zellen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Cells pending</source>
            <translation>Ausstehende Zellen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Task status</source>
            <translation>Aufgabenstatus</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>%n cells: {} delivered, {} without data, {} failed, {} pending</source>
            <translation>
                <numerusform>%n Zelle: {} geliefert, {} ohne Daten, {} fehlgeschlagen, {} ausstehend</numerusform>
                <numerusform>%n Zellen: {} geliefert, {} ohne Daten, {} fehlgeschlagen, {} ausstehend</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Batch task {}: {}, {:.0f}% done</source>
            <translation>Batch-Aufgabe {}: {}, {:.0f} % erledigt</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Mosaic {}: %n cells → {}</source>
            <translation>
                <numerusform>Mosaik {}: %n Zelle → {}</numerusform>
                <numerusform>Mosaik {}: %n Zellen → {}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Batch task {} has no S3 delivery</source>
            <translation>Batch-Aufgabe {} hat keine S3-Lieferung</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>GDAL {} keeps S3 settings per thread only: layers of {} read bucket {} with GDAL's own credentials (AWS_* variables)</source>
            <translation>GDAL {} hält S3-Einstellungen nur je Thread: Layer von {} lesen den Bucket {} mit GDALs eigenen Zugangsdaten (AWS_*-Variablen)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Batch task {} is {}: its cells are known once it is analysed</source>
            <translation>Batch-Aufgabe {} ist {}: Ihre Zellen sind bekannt, sobald sie analysiert ist</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_layers.py" />
            <source>Cell {} failed: {}</source>
            <translation>Zelle {} fehlgeschlagen: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Start batch task</source>
            <translation>Batch-Aufgabe starten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Starts a batch task: a new task is analysed and then processed, a stopped one resumes (Sentinel Hub allows that 30 minutes after the stop). Processing costs processing units. With ANALYSE_ONLY the service only analyses it (cells and feature manifest), which costs nothing.</source>
            <translation>Startet eine Batch-Aufgabe: Eine neue Aufgabe wird analysiert und dann verarbeitet, eine gestoppte wird fortgesetzt (Sentinel Hub erlaubt das 30 Minuten nach dem Stopp). Die Verarbeitung kostet Verarbeitungseinheiten. Mit ANALYSE_ONLY analysiert der Dienst sie nur (Zellen und Objektmanifest), was nichts kostet.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Batch task status</source>
            <translation>Status der Batch-Aufgabe</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Writes the status of one batch task (TASK_ID), or of every task of the account (optionally those matching SEARCH), to a table: status, last action, completion %, processing units spent, dates, grid, delivery path, error and the request as sent (S3 keys masked).</source>
            <translation>Schreibt den Status einer Batch-Aufgabe (TASK_ID) oder jeder Aufgabe des Kontos (optional nur der zu SEARCH passenden) in eine Tabelle: Status, letzte Aktion, Fortschritt in %, verbrauchte Verarbeitungseinheiten, Daten, Gitter, Lieferpfad, Fehler und die Anfrage wie gesendet (S3-Schlüssel maskiert).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Wait for batch task</source>
            <translation>Auf Batch-Aufgabe warten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Polls a batch task (with backoff, at most every POLL_MAX seconds) and shows its completion percentage until it is DONE, FAILED or STOPPED (or, with UNTIL = analysis, analysed). Cancelling this algorithm leaves the task running on the service unless STOP_ON_CANCEL is set: that is your confirmation, given in advance, that Cancel also stops the task (work done so far is still charged). FAIL_ON_FAILED makes the algorithm fail (and stops a model) when the task ends FAILED or STOPPED or was never started.</source>
            <translation>Fragt eine Batch-Aufgabe ab (mit Backoff, höchstens alle POLL_MAX Sekunden) und zeigt ihren Fortschritt in Prozent, bis sie DONE, FAILED oder STOPPED ist (oder, mit UNTIL = Analyse, analysiert). Das Abbrechen dieses Algorithmus lässt die Aufgabe im Dienst weiterlaufen, außer STOP_ON_CANCEL ist gesetzt: Das ist Ihre im Voraus gegebene Bestätigung, dass Abbrechen auch die Aufgabe stoppt (bis dahin geleistete Arbeit wird trotzdem berechnet). FAIL_ON_FAILED lässt den Algorithmus fehlschlagen (und stoppt ein Modell), wenn die Aufgabe mit FAILED oder STOPPED endet oder nie gestartet wurde.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Stop batch task</source>
            <translation>Batch-Aufgabe stoppen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Stops a batch task that is being analysed, waits to be processed or is processing. Cells already rendered or in progress are kept (and charged); a stopped task can be started again later ('Start batch task'; Sentinel Hub allows it 30 minutes after the stop). Nothing happens unless CONFIRM is set.</source>
            <translation>Stoppt eine Batch-Aufgabe, die analysiert wird, auf die Verarbeitung wartet oder verarbeitet wird. Bereits berechnete oder laufende Zellen bleiben erhalten (und werden berechnet); eine gestoppte Aufgabe kann später erneut gestartet werden („Batch-Aufgabe starten“; Sentinel Hub erlaubt das 30 Minuten nach dem Stopp). Es geschieht nichts, solange CONFIRM nicht gesetzt ist.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Only analyse (no processing)</source>
            <translation>Nur analysieren (keine Verarbeitung)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Search (words joined by | or &amp;; without a batch task id)</source>
            <translation>Suche (Wörter verbunden mit | oder &amp;; ohne Batch-Aufgaben-ID)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Batch tasks</source>
            <translation>Batch-Aufgaben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Tasks</source>
            <translation>Aufgaben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Status (one task)</source>
            <translation>Status (eine Aufgabe)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Completion % (one task)</source>
            <translation>Fortschritt in % (eine Aufgabe)</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>%n batch tasks</source>
            <translation>
                <numerusform>%n Batch-Aufgabe</numerusform>
                <numerusform>%n Batch-Aufgaben</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Wait until</source>
            <translation>Warten bis</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Give up after (seconds; the task keeps running)</source>
            <translation>Aufgeben nach (Sekunden; die Aufgabe läuft weiter)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Cancel also stops the batch task (confirmation)</source>
            <translation>Abbrechen stoppt auch die Batch-Aufgabe (Bestätigung)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Fail when the task ends FAILED or STOPPED, or was never started</source>
            <translation>Fehlschlagen, wenn die Aufgabe mit FAILED oder STOPPED endet oder nie gestartet wurde</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Completion %</source>
            <translation>Fortschritt in %</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Error</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>I confirm: stop this batch task</source>
            <translation>Ich bestätige: diese Batch-Aufgabe stoppen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Batch task {}: {}</source>
            <translation>Batch-Aufgabe {}: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Longest pause between polls (seconds)</source>
            <translation>Längste Pause zwischen Abfragen (Sekunden)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Batch task {}: {}, {:.0f}% done, {} PU</source>
            <translation>Batch-Aufgabe {}: {}, {:.0f} % erledigt, {} VE</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Batch task {}: {} ({:.0f}% done)</source>
            <translation>Batch-Aufgabe {}: {} ({:.0f} % erledigt)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Analysed (cells known)</source>
            <translation>Analysiert (Zellen bekannt)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Batch task {} ended {}: {}</source>
            <translation>Batch-Aufgabe {} endete mit {}: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Batch task {} is {} and nobody started it: run 'Start batch task'</source>
            <translation>Batch-Aufgabe {} ist {} und wurde von niemandem gestartet: „Batch-Aufgabe starten“ ausführen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Not stopped: set CONFIRM to stop batch task {}</source>
            <translation>Nicht gestoppt: CONFIRM setzen, um die Batch-Aufgabe {} zu stoppen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Cancelled; batch task {} was stopped (STOP_ON_CANCEL): {}</source>
            <translation>Abgebrochen; Batch-Aufgabe {} wurde gestoppt (STOP_ON_CANCEL): {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/batch_tasks.py" />
            <source>Cancelled; batch task {} keeps running on the service (stop it with 'Stop batch task', or set STOP_ON_CANCEL)</source>
            <translation>Abgebrochen; Batch-Aufgabe {} läuft im Dienst weiter (mit „Batch-Aufgabe stoppen“ stoppen oder STOP_ON_CANCEL setzen)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Create collection</source>
            <translation>Kollektion erstellen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Creates a BYOC collection for an S3 bucket and returns its id. Bands are optional: without them the service configures them from the first ingested tile (one band per file name). Give bands as 'B02,B03,B04' (one single-band file per band, of the chosen type) or as the service's JSON form. With 'Reuse an existing collection' a collection of the same name and bucket is returned instead of creating a second one (for re-runnable models). With S3 settings (S3_AUTHCFG, S3_ENDPOINT or the AWS_* environment variables) the bucket is checked first (it exists, the keys are accepted); a problem stops the algorithm with its fix unless CHECK_BUCKET is off.</source>
            <translation>Erstellt eine BYOC-Kollektion für einen S3-Bucket und gibt ihre ID zurück. Kanäle sind optional: Ohne sie legt der Dienst sie anhand der ersten eingelesenen Kachel fest (ein Kanal je Dateiname). Kanäle als 'B02,B03,B04' (eine Einkanaldatei je Kanal, vom gewählten Typ) oder in der JSON-Form des Dienstes angeben. Mit „Vorhandene Kollektion wiederverwenden“ wird eine Kollektion mit gleichem Namen und Bucket zurückgegeben, statt eine zweite zu erstellen (für wiederholbare Modelle). Mit S3-Einstellungen (S3_AUTHCFG, S3_ENDPOINT oder die AWS_*-Umgebungsvariablen) wird zuerst der Bucket geprüft (er existiert, die Schlüssel werden akzeptiert); ein Problem stoppt den Algorithmus mit seiner Behebung, außer CHECK_BUCKET ist aus.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>List collections</source>
            <translation>Kollektionen auflisten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Lists the account's BYOC collections as a table (id, name, bucket, bands, creation and sensing-time range). SEARCH filters on the server: one word, or words joined by | (or) and &amp; (and).</source>
            <translation>Listet die BYOC-Kollektionen des Kontos als Tabelle auf (ID, Name, Bucket, Kanäle, Erstellung und Zeitraum der Aufnahmezeiten). SEARCH filtert auf dem Server: ein Wort oder Wörter verbunden mit | (oder) und &amp; (und).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>The collection name is empty</source>
            <translation>Der Name der Kollektion ist leer</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>The bucket of a collection with tiles cannot change</source>
            <translation>Der Bucket einer Kollektion mit Kacheln kann sich nicht ändern</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Give the bucket name only (no s3://, no folder)</source>
            <translation>Nur den Bucket-Namen angeben (kein s3://, kein Ordner)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Give one new name per band ({count} bands: {bands}); bands cannot be added or removed here</source>
            <translation>Einen neuen Namen je Kanal angeben ({count} Kanäle: {bands}); Kanäle können hier nicht hinzugefügt oder entfernt werden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Band names must be different</source>
            <translation>Kanalnamen müssen verschieden sein</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Update collection</source>
            <translation>Kollektion ändern</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Renames a BYOC collection, renames its bands or changes its no-data value; empty fields keep what the collection has. Band names are given in the bands' order, one per band (bands cannot be added or removed: the files keep their names, only the bands are renamed). The bucket can change only while the collection has no tiles. Nothing is sent when an edit would be refused.</source>
            <translation>Benennt eine BYOC-Kollektion oder ihre Kanäle um oder ändert ihren NoData-Wert; leere Felder behalten, was die Kollektion hat. Kanalnamen werden in der Reihenfolge der Kanäle angegeben, einer je Kanal (Kanäle können nicht hinzugefügt oder entfernt werden: Die Dateien behalten ihre Namen, nur die Kanäle werden umbenannt). Der Bucket kann sich nur ändern, solange die Kollektion keine Kacheln hat. Es wird nichts gesendet, wenn eine Änderung abgelehnt würde.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Deletes a BYOC collection and all its tiles from Sentinel Hub. The files in your S3 bucket are not touched. Nothing happens unless CONFIRM is set.</source>
            <translation>Löscht eine BYOC-Kollektion und alle ihre Kacheln aus Sentinel Hub. Die Dateien in Ihrem S3-Bucket werden nicht angetastet. Es geschieht nichts, solange CONFIRM nicht gesetzt ist.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Creating collection</source>
            <translation>Kollektion wird erstellt</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>%n collections</source>
            <translation>
                <numerusform>%n Kollektion</numerusform>
                <numerusform>%n Kollektionen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>BANDS: expected a JSON object {name: {source, bandIndex, ...}}</source>
            <translation>BANDS: ein JSON-Objekt {name: {source, bandIndex, ...}} erwartet</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Collection name</source>
            <translation>Name der Kollektion</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>S3 bucket (name only, no s3://)</source>
            <translation>S3-Bucket (nur der Name, kein s3://)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Bands (optional)</source>
            <translation>Kanäle (optional)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Band type (for a plain band list)</source>
            <translation>Kanaltyp (für eine einfache Kanalliste)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Collection no-data value (optional)</source>
            <translation>NoData-Wert der Kollektion (optional)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Reuse an existing collection with this name and bucket</source>
            <translation>Eine vorhandene Kollektion mit diesem Namen und Bucket wiederverwenden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Check the bucket first (needs the S3 settings)</source>
            <translation>Zuerst den Bucket prüfen (benötigt die S3-Einstellungen)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Collection id</source>
            <translation>Kollektions-ID</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>NAME is empty</source>
            <translation>NAME ist leer</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>BUCKET must be a bucket name like my-bucket (no s3://, no folder)</source>
            <translation>BUCKET muss ein Bucket-Name wie my-bucket sein (kein s3://, kein Ordner)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Search (optional)</source>
            <translation>Suche (optional)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Number of collections</source>
            <translation>Anzahl der Kollektionen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>New name (empty: keep)</source>
            <translation>Neuer Name (leer: beibehalten)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>New S3 bucket (empty: keep; only without tiles)</source>
            <translation>Neuer S3-Bucket (leer: beibehalten; nur ohne Kacheln)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>New band names, comma-separated in band order (empty: keep)</source>
            <translation>Neue Kanalnamen, durch Kommas getrennt in Kanalreihenfolge (leer: beibehalten)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>New no-data value (empty: keep)</source>
            <translation>Neuer NoData-Wert (leer: beibehalten)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Remove the no-data value</source>
            <translation>Den NoData-Wert entfernen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>I confirm: delete the collection and all its tiles (S3 files stay)</source>
            <translation>Ich bestätige: die Kollektion und alle ihre Kacheln löschen (S3-Dateien bleiben erhalten)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Deleted collection id</source>
            <translation>ID der gelöschten Kollektion</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Number of tiles deleted with it</source>
            <translation>Anzahl der mitgelöschten Kacheln</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Not deleted: set CONFIRM to delete the collection and its tiles (S3 files are kept)</source>
            <translation>Nicht gelöscht: CONFIRM setzen, um die Kollektion und ihre Kacheln zu löschen (S3-Dateien bleiben erhalten)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Created collection {} ({}) on bucket {}</source>
            <translation>Kollektion {} ({}) im Bucket {} erstellt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Updated collection {} ({})</source>
            <translation>Kollektion {} ({}) geändert</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Deleted collection {} ({}) and its %n tiles; the files in bucket {} are untouched</source>
            <translation>
                <numerusform>Kollektion {} ({}) und ihre %n Kachel gelöscht; die Dateien im Bucket {} sind unverändert</numerusform>
                <numerusform>Kollektion {} ({}) und ihre %n Kacheln gelöscht; die Dateien im Bucket {} sind unverändert</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>BANDS: band {!r} is listed twice</source>
            <translation>BANDS: Kanal {!r} ist doppelt aufgeführt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Bucket {} not checked: no S3 settings given (S3_AUTHCFG, S3_ENDPOINT)</source>
            <translation>Bucket {} nicht geprüft: keine S3-Einstellungen angegeben (S3_AUTHCFG, S3_ENDPOINT)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>BANDS is not valid JSON: {}</source>
            <translation>BANDS ist kein gültiges JSON: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>{} Nothing was created (set CHECK_BUCKET to false to create it anyway).</source>
            <translation>{} Es wurde nichts erstellt (CHECK_BUCKET auf false setzen, um sie trotzdem zu erstellen).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>{} Nothing was changed.</source>
            <translation>{} Es wurde nichts geändert.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>BAND_NAMES: {} Nothing was changed.</source>
            <translation>BAND_NAMES: {} Es wurde nichts geändert.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/collections.py" />
            <source>Reusing collection {} ({})</source>
            <translation>Kollektion {} ({}) wird wiederverwendet</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>From the file path (template)</source>
            <translation>Aus dem Dateipfad (Vorlage)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>One time for all (constant)</source>
            <translation>Eine Zeit für alle (konstant)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Create tiles from local rasters</source>
            <translation>Kacheln aus lokalen Rastern erstellen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Turns local rasters (layers, files or a folder) into tiles of a collection: groups band files into tiles by FILE_PATTERN (e.g. (BAND).tif: every folder is a tile, the file name is the band), or splits each multi-band raster into BAND_NAMES; checks every file against the BYOC rules and COGifies it when needed; traces the cover geometry; uploads to the collection's bucket at PATH_TEMPLATE and registers the tile with its sensing time. The bucket is checked once before uploading (exists, writable, keys accepted); each tile's files are checked against the collection's configured bands. Tiles run in parallel; S3 and service errors are retried. Re-running continues where it stopped: tile paths already registered are skipped, files already in S3 with the same content (MD5) are not sent again. A tile is registered only once all its files are in S3 and verified; existing S3 objects with other content are never deleted, and only replaced when OVERWRITE is set. With FAIL_ON_ERROR (the default) the algorithm fails when a tile failed; the output table lists the tile ids and statuses (chain it into 'Wait for ingestion'). PATH_TEMPLATE fields: {name} = the tile's folder relative to the input folder (or a multi-band file's path without extension), {tile} = its last part, and from the sensing time {year} {month} {day} {hour} {minute} {second} {doy} {date} (YYYYMMDD) {datetime}; e.g. {name}/(BAND).tif or {year}/{month}/{day}/{tile}/(BAND).tif.</source>
            <translation>Macht lokale Raster (Layer, Dateien oder ein Ordner) zu Kacheln einer Kollektion: fasst Kanaldateien nach FILE_PATTERN zu Kacheln zusammen (z. B. (BAND).tif: jeder Ordner ist eine Kachel, der Dateiname ist der Kanal) oder teilt jedes Mehrkanalraster in BAND_NAMES auf; prüft jede Datei gegen die BYOC-Regeln und wandelt sie bei Bedarf in ein COG um (COGify); umreißt die Abdeckungsgeometrie; lädt unter PATH_TEMPLATE in den Bucket der Kollektion hoch und registriert die Kachel mit ihrer Aufnahmezeit. Der Bucket wird einmal vor dem Hochladen geprüft (existiert, beschreibbar, Schlüssel akzeptiert); die Dateien jeder Kachel werden gegen die konfigurierten Kanäle der Kollektion geprüft. Kacheln laufen parallel; S3- und Dienstfehler werden wiederholt. Ein erneuter Lauf setzt dort fort, wo er stoppte: bereits registrierte Kachelpfade werden übersprungen, Dateien, die schon mit gleichem Inhalt (MD5) in S3 liegen, werden nicht erneut gesendet. Eine Kachel wird erst registriert, wenn alle ihre Dateien in S3 liegen und geprüft sind; vorhandene S3-Objekte mit anderem Inhalt werden nie gelöscht und nur ersetzt, wenn OVERWRITE gesetzt ist. Mit FAIL_ON_ERROR (Vorgabe) schlägt der Algorithmus fehl, wenn eine Kachel fehlschlug; die Ausgabetabelle listet die Kachel-IDs und Status auf (mit „Auf Einlesen warten“ verketten). Felder von PATH_TEMPLATE: {name} = der Ordner der Kachel relativ zum Eingabeordner (oder der Pfad einer Mehrkanaldatei ohne Endung), {tile} = sein letzter Teil, und aus der Aufnahmezeit {year} {month} {day} {hour} {minute} {second} {doy} {date} (YYYYMMDD) {datetime}; z. B. {name}/(BAND).tif oder {year}/{month}/{day}/{tile}/(BAND).tif.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Create tiles from an S3 prefix</source>
            <translation>Kacheln aus einem S3-Präfix erstellen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Lists the collection's bucket under PREFIX, groups the band files into tiles by FILE_PATTERN (e.g. (BAND).tif: one tile per folder) and registers every tile that is not registered yet, with its sensing time from a template on the path (or a constant) and, optionally, a cover geometry traced from the remote COGs' overviews. Nothing is uploaded or deleted. With FAIL_ON_ERROR (the default) the algorithm fails when a tile failed.</source>
            <translation>Listet den Bucket der Kollektion unter PREFIX auf, fasst die Kanaldateien nach FILE_PATTERN zu Kacheln zusammen (z. B. (BAND).tif: eine Kachel je Ordner) und registriert jede noch nicht registrierte Kachel mit ihrer Aufnahmezeit aus einer Vorlage auf dem Pfad (oder einer Konstante) und optional einer aus den Übersichten der entfernten COGs umrissenen Abdeckungsgeometrie. Es wird nichts hochgeladen oder gelöscht. Mit FAIL_ON_ERROR (Vorgabe) schlägt der Algorithmus fehl, wenn eine Kachel fehlschlug.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Fail (error exit, stops a model) when a tile fails; off: failures are only listed in the output</source>
            <translation>Fehlschlagen (Fehlerende, stoppt ein Modell), wenn eine Kachel fehlschlägt; aus: Fehlschläge werden nur in der Ausgabe aufgeführt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Created tiles</source>
            <translation>Erstellte Kacheln</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Tiles registered</source>
            <translation>Registrierte Kacheln</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Tiles already registered</source>
            <translation>Bereits registrierte Kacheln</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Tiles failed</source>
            <translation>Fehlgeschlagene Kacheln</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Summary: {} of %n tiles registered, {} already registered, {} failed, {} cancelled</source>
            <translation>
                <numerusform>Zusammenfassung: {} von %n Kachel registriert, {} bereits registriert, {} fehlgeschlagen, {} abgebrochen</numerusform>
                <numerusform>Zusammenfassung: {} von %n Kacheln registriert, {} bereits registriert, {} fehlgeschlagen, {} abgebrochen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>From a raster metadata item (field)</source>
            <translation>Aus einem Metadateneintrag des Rasters (Feld)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Date pattern in the path (e.g. %Y%m%d or {year}-{month}-{day}; empty: found automatically)</source>
            <translation>Datumsmuster im Pfad (z. B. %Y%m%d oder {year}-{month}-{day}; leer: automatisch gefunden)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Sensing time for all tiles (ISO 8601)</source>
            <translation>Aufnahmezeit für alle Kacheln (ISO 8601)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>a YYYYMMDD or YYYY-MM-DD date</source>
            <translation>ein Datum YYYYMMDD oder YYYY-MM-DD</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Checking bucket {} at {}</source>
            <translation>Bucket {} auf {} wird geprüft</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Cover: maximum points</source>
            <translation>Abdeckung: höchstens Punkte</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Tiles in parallel</source>
            <translation>Kacheln parallel</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Cancelled: %n tiles were registered before; run again to continue</source>
            <translation>
                <numerusform>Abgebrochen: %n Kachel wurde vorher registriert; zum Fortsetzen erneut ausführen</numerusform>
                <numerusform>Abgebrochen: %n Kacheln wurden vorher registriert; zum Fortsetzen erneut ausführen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Sensing time 'constant' needs SENSING_TIME, e.g. 2023-06-10T07:36:29Z</source>
            <translation>Aufnahmezeit 'constant' benötigt SENSING_TIME, z. B. 2023-06-10T07:36:29Z</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>…or split multi-band rasters into these bands (e.g. B02,B03,B04,B08)</source>
            <translation>…oder Mehrkanalraster in diese Kanäle aufteilen (z. B. B02,B03,B04,B08)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Tile path template in the bucket</source>
            <translation>Vorlage für Kachelpfade im Bucket</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Replace S3 objects that exist with different content</source>
            <translation>S3-Objekte ersetzen, die mit anderem Inhalt existieren</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Prefix in the bucket</source>
            <translation>Präfix im Bucket</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>S3 bucket check failed: {}</source>
            <translation>S3-Bucket-Prüfung fehlgeschlagen: {}</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>{} of %n tiles failed (the others are registered; run again to retry them); first: {}: {}</source>
            <translation>
                <numerusform>{} von %n Kachel fehlgeschlagen (die anderen sind registriert; zum Wiederholen erneut ausführen); erste: {}: {}</numerusform>
                <numerusform>{} von %n Kacheln fehlgeschlagen (die anderen sind registriert; zum Wiederholen erneut ausführen); erste: {}: {}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Metadata item with the time</source>
            <translation>Metadateneintrag mit der Zeit</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>the date pattern {!r}</source>
            <translation>das Datumsmuster {!r}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>No sensing time in {!r}: no {} was found; change SENSING_TIME_TEMPLATE or the sensing-time mode</source>
            <translation>Keine Aufnahmezeit in {!r}: {} wurde nicht gefunden; SENSING_TIME_TEMPLATE oder den Aufnahmezeit-Modus ändern</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>%n tiles to create in collection {} (bucket {})</source>
            <translation>
                <numerusform>%n Kachel in Kollektion {} (Bucket {}) zu erstellen</numerusform>
                <numerusform>%n Kacheln in Kollektion {} (Bucket {}) zu erstellen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Listing s3://{}/{}</source>
            <translation>s3://{}/{} wird aufgelistet</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>{}: no metadata item {} with a time; choose another sensing-time mode</source>
            <translation>{}: kein Metadateneintrag {} mit einer Zeit; einen anderen Aufnahmezeit-Modus wählen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>{} ({}): {}</source>
            <translation>{} ({}): {}</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>%n files do not match FILE_PATTERN {!r}, e.g. {}; change the pattern or the inputs</source>
            <translation>
                <numerusform>%n Datei passt nicht zu FILE_PATTERN {!r}, z. B. {}; das Muster oder die Eingaben ändern</numerusform>
                <numerusform>%n Dateien passen nicht zu FILE_PATTERN {!r}, z. B. {}; das Muster oder die Eingaben ändern</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>PATH_TEMPLATE {!r} must contain (BAND) once (it becomes each band file's name), e.g. {}</source>
            <translation>PATH_TEMPLATE {!r} muss (BAND) genau einmal enthalten (es wird zum Namen jeder Kanaldatei), z. B. {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>Checking the tiles against the collection's bands: {}</source>
            <translation>Die Kacheln werden gegen die Kanäle der Kollektion geprüft: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/create_tiles.py" />
            <source>No file under s3://{}/{} matches {!r}</source>
            <translation>Keine Datei unter s3://{}/{} passt zu {!r}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Pre-flight check</source>
            <translation>Vorabprüfung</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Checks rasters against Sentinel Hub's BYOC rules (valid COG, internal tiles 256–2048 px, header ≤ 1 MB, no JPEG, allowed CRS and data type, overviews, ≤ 10 chunky bands) without touching the service. With 'Check band files of a folder as one tile', the files are grouped into tiles by FILE_PATTERN exactly as 'Create tiles from local rasters' groups them and each tile is checked as a whole (same extension, footprints within one pixel; every tile with the same band files and data types); a file that matches no pattern is an error. The output table lists every finding with the file, the rule, the value found and how to fix it.</source>
            <translation>Prüft Raster gegen die BYOC-Regeln von Sentinel Hub (gültiges COG, interne Kacheln 256–2048 px, Header ≤ 1 MB, kein JPEG, erlaubtes KBS und erlaubter Datentyp, Übersichten, ≤ 10 Kanäle pixelweise verschachtelt), ohne den Dienst anzusprechen. Mit „Kanaldateien eines Ordners als eine Kachel prüfen“ werden die Dateien nach FILE_PATTERN genau so zu Kacheln zusammengefasst wie in „Kacheln aus lokalen Rastern erstellen“ und jede Kachel wird als Ganzes geprüft (gleiche Endung, Footprints innerhalb eines Pixels; jede Kachel mit denselben Kanaldateien und Datentypen); eine Datei, die zu keinem Muster passt, ist ein Fehler. Die Ausgabetabelle listet jeden Befund mit der Datei, der Regel, dem gefundenen Wert und der Behebung auf.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Trace cover geometry</source>
            <translation>Abdeckungsgeometrie umreißen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Traces where a raster has valid data (nodata, NaN, alpha and masks of all bands) from a coarse overview and fits the outline to at most MAX_POINTS points, as the cover geometry a BYOC tile needs. Policy 'contain all data' keeps every valid pixel inside (default); 'exclude nodata' keeps no-data collars out (for overlapping tiles). One feature per raster, or per tile when band files are traced as one tile (grouped by FILE_PATTERN as 'Create tiles' groups them); geometries are reprojected to OUTPUT_CRS and the GeoJSON in the raster's own CRS (what the service wants) is kept in the field cover_geojson.</source>
            <translation>Umreißt, wo ein Raster gültige Daten hat (NoData, NaN, Alpha und Masken aller Kanäle), anhand einer groben Übersicht und passt den Umriss an höchstens MAX_POINTS Punkte an, als die Abdeckungsgeometrie, die eine BYOC-Kachel braucht. Die Regel „alle Daten einschließen“ behält jedes gültige Pixel innen (Vorgabe); „NoData ausschließen“ hält NoData-Ränder heraus (für überlappende Kacheln). Ein Objekt je Raster oder je Kachel, wenn Kanaldateien als eine Kachel umrissen werden (nach FILE_PATTERN zusammengefasst wie in „Kacheln erstellen“); Geometrien werden nach OUTPUT_CRS reprojiziert und das GeoJSON im eigenen KBS des Rasters (was der Dienst erwartet) bleibt im Feld cover_geojson.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Rasters (layers or files)</source>
            <translation>Raster (Layer oder Dateien)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>…or a folder of rasters (searched recursively)</source>
            <translation>…oder ein Ordner mit Rastern (rekursiv durchsucht)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>No raster given: choose rasters in INPUT or a FOLDER that contains some</source>
            <translation>Kein Raster angegeben: Raster in INPUT oder einen FOLDER wählen, der welche enthält</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Trace at an overview of about this many pixels (long side)</source>
            <translation>Umriss auf einer Übersicht von etwa so vielen Pixeln (lange Seite)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Band file pattern ((BAND) = band name)</source>
            <translation>Muster für Kanaldateien ((BAND) = Kanalname)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Check band files of a folder as one tile</source>
            <translation>Kanaldateien eines Ordners als eine Kachel prüfen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Fail when an error is found (stops a model)</source>
            <translation>Fehlschlagen, wenn ein Fehler gefunden wird (stoppt ein Modell)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Pre-flight findings</source>
            <translation>Befunde der Vorabprüfung</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Number of errors</source>
            <translation>Anzahl der Fehler</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Number of warnings</source>
            <translation>Anzahl der Warnungen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Number of files checked</source>
            <translation>Anzahl der geprüften Dateien</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Pre-flight found %n errors; see the log (COGify fixes most of them)</source>
            <translation>
                <numerusform>Die Vorabprüfung hat %n Fehler gefunden; siehe Protokoll (COGify behebt die meisten)</numerusform>
                <numerusform>Die Vorabprüfung hat %n Fehler gefunden; siehe Protokoll (COGify behebt die meisten)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Trace band files of a folder as one tile</source>
            <translation>Kanaldateien eines Ordners als eine Kachel umreißen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Cover policy</source>
            <translation>Abdeckungsregel</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Maximum number of points</source>
            <translation>Höchstzahl an Punkten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Output CRS (default EPSG:4326)</source>
            <translation>Ausgabe-KBS (Vorgabe EPSG:4326)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Cover geometries</source>
            <translation>Abdeckungsgeometrien</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Number of covers</source>
            <translation>Anzahl der Abdeckungen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>{} is not under {}; give a FOLDER that contains every file</source>
            <translation>{} liegt nicht unter {}; einen FOLDER angeben, der jede Datei enthält</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>{files}: {errors}, {warnings}</source>
            <translation>{files}: {errors}, {warnings}</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>%n files</source>
            <translation>
                <numerusform>%n Datei</numerusform>
                <numerusform>%n Dateien</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Contain all data</source>
            <translation>Alle Daten einschließen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>Exclude nodata</source>
            <translation>NoData ausschließen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/local.py" />
            <source>{} matches no FILE_PATTERN: traced alone</source>
            <translation>{} passt zu keinem FILE_PATTERN: wird einzeln umrissen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Process request to raster</source>
            <translation>Process-Anfrage in Raster</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Runs a Process API request on a BYOC collection and writes a georeferenced raster. The extent may be in any CRS; it is requested in CRS (default: the extent's CRS when the service accepts it, else EPSG:4326). Give RESOLUTION (in CRS units) or WIDTH and HEIGHT. Requests larger than 2500 px are split into a grid and mosaicked (GeoTIFF). The evalscript is the given text or file, or generated from the collection's bands: true/false colour (×SCALE into 0..1, 8-bit), normalized difference of two bands (float), one band or all bands as they are; for PNG and JPEG, which cannot hold 16-bit or float samples, the generated script scales the bands by their bit depth into 8-bit instead. TIME_FROM/TIME_TO limit the tiles used (a date alone means the whole day); MOSAICKING picks which tile is on top.</source>
            <translation>Führt eine Process API-Anfrage auf einer BYOC-Kollektion aus und schreibt ein georeferenziertes Raster. Die Ausdehnung kann in jedem KBS vorliegen; angefragt wird in CRS (Vorgabe: das KBS der Ausdehnung, wenn der Dienst es akzeptiert, sonst EPSG:4326). RESOLUTION (in Einheiten des KBS) oder WIDTH und HEIGHT angeben. Anfragen über 2500 px werden in ein Gitter aufgeteilt und zu einem Mosaik zusammengesetzt (GeoTIFF). Das Evalscript ist der angegebene Text oder die Datei oder wird aus den Kanälen der Kollektion erzeugt: Echt-/Falschfarben (×SCALE auf 0..1, 8 Bit), normalisierte Differenz zweier Kanäle (Gleitkomma), ein Kanal oder alle Kanäle unverändert; für PNG und JPEG, die keine 16-Bit- oder Gleitkommawerte speichern können, skaliert das erzeugte Skript die Kanäle stattdessen anhand ihrer Bittiefe auf 8 Bit. TIME_FROM/TIME_TO begrenzen die verwendeten Kacheln (ein Datum allein bedeutet den ganzen Tag); MOSAICKING wählt, welche Kachel oben liegt.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Give both TIME_FROM and TIME_TO, or neither (all times)</source>
            <translation>Sowohl TIME_FROM als auch TIME_TO angeben oder keines von beiden (alle Zeiten)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Request CRS (optional)</source>
            <translation>KBS der Anfrage (optional)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Resolution (CRS units per pixel)</source>
            <translation>Auflösung (KBS-Einheiten pro Pixel)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>…or width (px)</source>
            <translation>…oder Breite (px)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>…and height (px)</source>
            <translation>…und Höhe (px)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Width (px)</source>
            <translation>Breite (px)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Height (px)</source>
            <translation>Höhe (px)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Process API request body (JSON)</source>
            <translation>Inhalt der Process API-Anfrage (JSON)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Give RESOLUTION or WIDTH and HEIGHT, not both</source>
            <translation>RESOLUTION oder WIDTH und HEIGHT angeben, nicht beides</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Give RESOLUTION (CRS units per pixel) or both WIDTH and HEIGHT</source>
            <translation>RESOLUTION (KBS-Einheiten pro Pixel) oder sowohl WIDTH als auch HEIGHT angeben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>TIME_FROM {} is after TIME_TO {}</source>
            <translation>TIME_FROM {} liegt nach TIME_TO {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Upsampling</source>
            <translation>Hochskalierung</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Downsampling</source>
            <translation>Herunterskalierung</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Requesting {} x {} px in {}</source>
            <translation>{} x {} px in {} werden angefragt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>CRS {} is not accepted by the Process API here; use EPSG:4326, 3857, 3035 or a UTM zone</source>
            <translation>KBS {} wird hier von der Process API nicht akzeptiert; EPSG:4326, 3857, 3035 oder eine UTM-Zone verwenden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>The service's {} answer could not be read</source>
            <translation>Die {}-Antwort des Dienstes konnte nicht gelesen werden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>Could not write {}: {}</source>
            <translation>{} konnte nicht geschrieben werden: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/process.py" />
            <source>{} x {} px is over 2500 px: PNG/JPEG cannot be split, use GeoTIFF or a coarser RESOLUTION</source>
            <translation>{} x {} px ist über 2500 px: PNG/JPEG kann nicht aufgeteilt werden, GeoTIFF oder eine gröbere RESOLUTION verwenden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Re-create the file with BLOCKSIZE=1024 at every level, e.g. gdal_translate -of COG -co BLOCKSIZE=1024 (the Add tiles dialog's COGify step does this).</source>
            <translation>Die Datei mit BLOCKSIZE=1024 auf jeder Stufe neu erzeugen, z. B. gdal_translate -of COG -co BLOCKSIZE=1024 (der Schritt COGify im Dialog Kacheln hinzufügen erledigt das).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Build internal AVERAGE overviews down to about 1024 px (COGify does this).</source>
            <translation>Interne AVERAGE-Übersichten bis etwa 1024 px erzeugen (COGify erledigt das).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Check that every band file exists at the tile path in the collection's bucket (the (BAND) placeholder replaced by each band's source) and that Sentinel Hub may read the bucket.</source>
            <translation>Prüfen, dass jede Kanaldatei unter dem Kachelpfad im Bucket der Kollektion existiert (der Platzhalter (BAND) ersetzt durch die Quelle jedes Kanals) und dass Sentinel Hub den Bucket lesen darf.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Re-create the file with bigger internal tiles (BLOCKSIZE=1024) or split it.</source>
            <translation>Die Datei mit größeren internen Kacheln (BLOCKSIZE=1024) neu erzeugen oder sie aufteilen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Re-compress with DEFLATE or ZSTD (COGify does this).</source>
            <translation>Mit DEFLATE oder ZSTD neu komprimieren (COGify erledigt das).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Drop the colour table / YCbCr and write plain grey or RGB bands (COGify).</source>
            <translation>Die Farbtabelle / YCbCr entfernen und einfache Grau- oder RGB-Kanäle schreiben (COGify).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Georeference the file (a geotransform and an EPSG CRS).</source>
            <translation>Die Datei georeferenzieren (eine Geotransformation und ein EPSG-KBS).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Reproject to EPSG:4326, 3857, 3035 or a UTM zone (COGify with reprojection).</source>
            <translation>Nach EPSG:4326, 3857, 3035 oder in eine UTM-Zone reprojizieren (COGify mit Reprojektion).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Convert to UInt8, Int8, UInt16, Int16 or Float32 (COGify 'convert data type').</source>
            <translation>In UInt8, Int8, UInt16, Int16 oder Float32 umwandeln (COGify „Datentyp umwandeln“).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Write one file per band or a band-interleaved GeoTIFF.</source>
            <translation>Eine Datei je Kanal oder ein kanalweise verschachteltes GeoTIFF schreiben.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Give all files of the tile one extension, e.g. .tif.</source>
            <translation>Allen Dateien der Kachel dieselbe Endung geben, z. B. .tif.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Clip or warp all band files of a tile to the same extent (gdalwarp -te).</source>
            <translation>Alle Kanaldateien einer Kachel auf dieselbe Ausdehnung zuschneiden oder transformieren (gdalwarp -te).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Upload a file for every band source of the collection, with the same names in every tile.</source>
            <translation>Für jede Kanalquelle der Kollektion eine Datei hochladen, mit denselben Namen in jeder Kachel.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Convert the file to the bit depth of the collection's band.</source>
            <translation>Die Datei in die Bittiefe des Kanals der Kollektion umwandeln.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Convert the file to the sample format of the collection's band.</source>
            <translation>Die Datei in das Werteformat des Kanals der Kollektion umwandeln.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Provide the missing band in the file or change the band's bandIndex.</source>
            <translation>Den fehlenden Kanal in der Datei bereitstellen oder den bandIndex des Kanals ändern.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Encode no-data as a value (GDAL_NODATA tag), e.g. COGify with a no-data value.</source>
            <translation>NoData als Wert kodieren (GDAL_NODATA-Tag), z. B. COGify mit einem NoData-Wert.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Explain ingestion failures</source>
            <translation>Einlesefehler erklären</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Explains why tiles FAILED to ingest: the service's cause, the pre-flight rule it breaks and how to fix it. With S3 settings (and CHECK_FILES) the tile's files are checked in the bucket and the finding that is the service's cause gives the exact rule and fix; otherwise the cause is matched to a rule by its wording. Give tiles in TILES (e.g. the selected features of a tiles layer) or TILE_IDS; without either, every FAILED tile of the collection is explained. Tiles that did not fail are listed as NOT_FAILED. Nothing is changed.</source>
            <translation>Erklärt, warum Kacheln beim Einlesen FAILED sind: die Ursache laut Dienst, die verletzte Regel der Vorabprüfung und ihre Behebung. Mit S3-Einstellungen (und CHECK_FILES) werden die Dateien der Kachel im Bucket geprüft, und der Befund, der die Ursache des Dienstes ist, nennt die genaue Regel und Behebung; sonst wird die Ursache anhand ihres Wortlauts einer Regel zugeordnet. Kacheln in TILES (z. B. die ausgewählten Objekte eines Kachel-Layers) oder TILE_IDS angeben; ohne beides wird jede FAILED-Kachel der Kollektion erklärt. Nicht fehlgeschlagene Kacheln werden als NOT_FAILED aufgeführt. Es wird nichts geändert.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Run the pre-flight check on the tile's files (Add tiles dialog) and fix what it reports, then reingest.</source>
            <translation>Die Vorabprüfung auf den Dateien der Kachel ausführen (Dialog Kacheln hinzufügen), das Gemeldete beheben und dann neu einlesen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Re-trace tile covers from their COGs</source>
            <translation>Kachelabdeckungen aus ihren COGs neu umreißen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Traces the cover geometry of the selected tiles again from their COGs in the collection's bucket (overviews read through /vsis3/; the (BAND) placeholder replaced by each band's source) and updates the tiles with it, e.g. after their files were replaced or a cover was set by hand. A tile without any valid pixel keeps its cover (NO_DATA). With FAIL_ON_ERROR (the default) the algorithm fails when a tile could not be traced or updated; the others are updated.</source>
            <translation>Umreißt die Abdeckungsgeometrie der ausgewählten Kacheln erneut aus ihren COGs im Bucket der Kollektion (Übersichten über /vsis3/ gelesen; der Platzhalter (BAND) ersetzt durch die Quelle jedes Kanals) und aktualisiert die Kacheln damit, z. B. nachdem ihre Dateien ersetzt oder eine Abdeckung von Hand gesetzt wurde. Eine Kachel ohne jedes gültige Pixel behält ihre Abdeckung (NO_DATA). Mit FAIL_ON_ERROR (Vorgabe) schlägt der Algorithmus fehl, wenn eine Kachel nicht umrissen oder aktualisiert werden konnte; die anderen werden aktualisiert.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Registers the selected tiles of COLLECTION in TARGET_COLLECTION with the same path, sensing time and cover geometry. No file is copied: the target reads the same paths from its own bucket, so use a target on the same bucket (or copy the files first). Tiles whose path the target has already are kept as they are (ALREADY_REGISTERED); nothing is deleted.</source>
            <translation>Registriert die ausgewählten Kacheln von COLLECTION in TARGET_COLLECTION mit demselben Pfad, derselben Aufnahmezeit und Abdeckungsgeometrie. Es wird keine Datei kopiert: Das Ziel liest dieselben Pfade aus seinem eigenen Bucket, also ein Ziel im selben Bucket verwenden (oder die Dateien zuerst kopieren). Kacheln, deren Pfad das Ziel bereits hat, bleiben, wie sie sind (ALREADY_REGISTERED); es wird nichts gelöscht.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Source collection (id, or its exact name)</source>
            <translation>Quellkollektion (ID oder ihr genauer Name)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Target collection (id, or its exact name)</source>
            <translation>Zielkollektion (ID oder ihr genauer Name)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Check the tiles' files in S3 (needs S3 settings)</source>
            <translation>Die Dateien der Kacheln in S3 prüfen (benötigt S3-Einstellungen)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Explanations</source>
            <translation>Erklärungen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Failed tiles explained</source>
            <translation>Erklärte fehlgeschlagene Kacheln</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Rules broken (comma-separated)</source>
            <translation>Verletzte Regeln (durch Kommas getrennt)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Fail when a tile could not be re-traced</source>
            <translation>Fehlschlagen, wenn eine Kachel nicht neu umrissen werden konnte</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Results</source>
            <translation>Ergebnisse</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Tiles with a new cover</source>
            <translation>Kacheln mit neuer Abdeckung</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Tiles registered in the target</source>
            <translation>Im Ziel registrierte Kacheln</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Tiles the target had already</source>
            <translation>Kacheln, die das Ziel bereits hatte</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Tiles no longer in the source</source>
            <translation>Kacheln, die nicht mehr in der Quelle sind</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>Target collection id</source>
            <translation>ID der Zielkollektion</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>TARGET_COLLECTION is the source collection: choose another one</source>
            <translation>TARGET_COLLECTION ist die Quellkollektion: eine andere wählen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>{registered}, {existing}, {missing}</source>
            <translation>{registered}, {existing}, {missing}</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>%n FAILED tiles in collection {}</source>
            <translation>
                <numerusform>%n FAILED-Kachel in Kollektion {}</numerusform>
                <numerusform>%n FAILED-Kacheln in Kollektion {}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>{} of %n tiles could not be re-traced (the others are updated); first: {}: {}</source>
            <translation>
                <numerusform>{} von %n Kachel konnte nicht neu umrissen werden (die anderen sind aktualisiert); erste: {}: {}</numerusform>
                <numerusform>{} von %n Kacheln konnten nicht neu umrissen werden (die anderen sind aktualisiert); erste: {}: {}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>The target reads bucket {} and the source {}: the tiles' files must be in both</source>
            <translation>Das Ziel liest den Bucket {} und die Quelle {}: Die Dateien der Kacheln müssen in beiden liegen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>the files could not be checked: {}</source>
            <translation>die Dateien konnten nicht geprüft werden: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tile_workflows.py" />
            <source>{}: {} — rule {}: {}</source>
            <translation>{}: {} — Regel {}: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Collection tiles to layer</source>
            <translation>Kacheln einer Kollektion als Layer</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Loads the tiles of a collection into one polygon layer: cover geometries (or tile bounding boxes) reprojected from each tile's own CRS into OUTPUT_CRS (default EPSG:4326), with the fields tile_id, path, status, sensing_time, created, ingestion_start, failed_cause, native_crs and min/max metres per pixel. Tiles without any geometry yet (still waiting) are kept without geometry. Save the output as a GeoPackage to keep it.</source>
            <translation>Lädt die Kacheln einer Kollektion in einen Polygon-Layer: Abdeckungsgeometrien (oder Kachel-Begrenzungsrahmen), aus dem eigenen KBS jeder Kachel nach OUTPUT_CRS reprojiziert (Vorgabe EPSG:4326), mit den Feldern tile_id, path, status, sensing_time, created, ingestion_start, failed_cause, native_crs und min./max. Meter pro Pixel. Kacheln noch ohne Geometrie (noch wartend) bleiben ohne Geometrie erhalten. Die Ausgabe als GeoPackage speichern, um sie zu behalten.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Wait for ingestion</source>
            <translation>Auf Einlesen warten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Waits until tiles are INGESTED or FAILED, polling with backoff, and writes their final status (with the service's failure cause) to a table. Give the tiles (e.g. the output table of 'Create tiles') or leave them empty to wait for every unfinished tile of the collection. With FAIL_ON_FAILED the algorithm fails when a tile failed (stops a model).</source>
            <translation>Wartet, bis Kacheln INGESTED oder FAILED sind, fragt dabei mit Backoff ab und schreibt ihren endgültigen Status (mit der Fehlerursache des Dienstes) in eine Tabelle. Die Kacheln angeben (z. B. die Ausgabetabelle von „Kacheln erstellen“) oder leer lassen, um auf jede unfertige Kachel der Kollektion zu warten. Mit FAIL_ON_FAILED schlägt der Algorithmus fehl, wenn eine Kachel fehlschlug (stoppt ein Modell).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Update tiles</source>
            <translation>Kacheln ändern</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Updates registered tiles from the features of a layer that carries their ids (e.g. an edited tiles layer): the sensing time from a field or a constant, and/or the cover geometry from the feature's geometry (sent in EPSG:4326; at most 100 points). The tile's path and files are not changed.</source>
            <translation>Ändert registrierte Kacheln anhand der Objekte eines Layers, der ihre IDs enthält (z. B. ein bearbeiteter Kachel-Layer): die Aufnahmezeit aus einem Feld oder einer Konstanten und/oder die Abdeckungsgeometrie aus der Geometrie des Objekts (gesendet in EPSG:4326; höchstens 100 Punkte). Pfad und Dateien der Kachel werden nicht geändert.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Deletes the selected tiles from the collection. Their files in S3 are not touched (register them again with 'Create tiles'). Nothing happens unless CONFIRM is set.</source>
            <translation>Löscht die ausgewählten Kacheln aus der Kollektion. Ihre Dateien in S3 werden nicht angetastet (mit „Kacheln erstellen“ erneut registrieren). Es geschieht nichts, solange CONFIRM nicht gesetzt ist.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Asks the service to ingest the selected tiles again, e.g. after their files were overwritten or a failure was fixed. Follow with 'Wait for ingestion'.</source>
            <translation>Bittet den Dienst, die ausgewählten Kacheln erneut einzulesen, z. B. nachdem ihre Dateien überschrieben oder ein Fehler behoben wurde. Danach „Auf Einlesen warten“.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Only tiles with status</source>
            <translation>Nur Kacheln mit Status</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Geometry</source>
            <translation>Geometrie</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Number of tiles</source>
            <translation>Anzahl der Kacheln</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Tiles skipped (unusable geometry or CRS)</source>
            <translation>Übersprungene Kacheln (unbrauchbare Geometrie oder unbrauchbares KBS)</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>%n tiles had an unusable geometry or CRS and were skipped</source>
            <translation>
                <numerusform>%n Kachel hatte eine unbrauchbare Geometrie oder ein unbrauchbares KBS und wurde übersprungen</numerusform>
                <numerusform>%n Kacheln hatten eine unbrauchbare Geometrie oder ein unbrauchbares KBS und wurden übersprungen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Give up after (seconds)</source>
            <translation>Aufgeben nach (Sekunden)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Fail when a tile failed to ingest</source>
            <translation>Fehlschlagen, wenn das Einlesen einer Kachel fehlschlug</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Ingestion status</source>
            <translation>Einlesestatus</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Tiles ingested</source>
            <translation>Eingelesene Kacheln</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Tiles still pending (timeout)</source>
            <translation>Noch ausstehende Kacheln (Zeitüberschreitung)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Layer with the tiles to update</source>
            <translation>Layer mit den zu ändernden Kacheln</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Tile id field</source>
            <translation>Feld mit der Kachel-ID</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Sensing time field (optional)</source>
            <translation>Feld mit der Aufnahmezeit (optional)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>…or one sensing time for all (ISO 8601, e.g. 2023-06-10T07:36:29Z)</source>
            <translation>…oder eine Aufnahmezeit für alle (ISO 8601, z. B. 2023-06-10T07:36:29Z)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Set the cover from the feature geometry</source>
            <translation>Die Abdeckung aus der Objektgeometrie setzen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Update results</source>
            <translation>Ergebnisse der Änderung</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Tiles updated</source>
            <translation>Geänderte Kacheln</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Nothing to update: choose SENSING_TIME_FIELD, give SENSING_TIME or set UPDATE_COVER</source>
            <translation>Nichts zu ändern: SENSING_TIME_FIELD wählen, SENSING_TIME angeben oder UPDATE_COVER setzen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Tiles done</source>
            <translation>Erledigte Kacheln</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Not deleted: set CONFIRM to delete the tiles (S3 files are kept)</source>
            <translation>Nicht gelöscht: CONFIRM setzen, um die Kacheln zu löschen (S3-Dateien bleiben erhalten)</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>%n tiles of collection {}</source>
            <translation>
                <numerusform>%n Kachel der Kollektion {}</numerusform>
                <numerusform>%n Kacheln der Kollektion {}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>the tile no longer exists</source>
            <translation>die Kachel existiert nicht mehr</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>{} ingested, {} failed, {} still pending</source>
            <translation>{} eingelesen, {} fehlgeschlagen, {} noch ausstehend</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>I confirm: delete these tiles (S3 files stay)</source>
            <translation>Ich bestätige: diese Kacheln löschen (S3-Dateien bleiben erhalten)</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>{} of %n tiles done</source>
            <translation>
                <numerusform>{} von %n Kachel erledigt</numerusform>
                <numerusform>{} von %n Kacheln erledigt</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Tile geometry (bounding box)</source>
            <translation>Kachelgeometrie (Begrenzungsrahmen)</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>%n tiles were still not finished after {:.0f} s</source>
            <translation>
                <numerusform>%n Kachel war nach {:.0f} s noch nicht fertig</numerusform>
                <numerusform>%n Kacheln waren nach {:.0f} s noch nicht fertig</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>%n tiles failed to ingest; first: {}: {}</source>
            <translation>
                <numerusform>Das Einlesen von %n Kachel ist fehlgeschlagen; erste: {}: {}</numerusform>
                <numerusform>Das Einlesen von %n Kacheln ist fehlgeschlagen; erste: {}: {}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>INPUT has no field {!r}</source>
            <translation>INPUT hat kein Feld {!r}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>All</source>
            <translation>Alle</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>{} FAILED: {}</source>
            <translation>{} FAILED: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Tile {} ({}) skipped: {}</source>
            <translation>Kachel {} ({}) übersprungen: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Feature for tile {} has no geometry</source>
            <translation>Das Objekt für Kachel {} hat keine Geometrie</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/algorithms/tiles.py" />
            <source>Cover for tile {} has {} points; the service accepts at most 100 (simplify it)</source>
            <translation>Die Abdeckung für Kachel {} hat {} Punkte; der Dienst akzeptiert höchstens 100 (vereinfachen)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/base.py" />
            <source>Local files (no service)</source>
            <translation>Lokale Dateien (kein Dienst)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/base.py" />
            <source>Process API</source>
            <translation>Process API</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/base.py" />
            <source>CONNECTION is a connection saved in the Sentinel Hub BYOC panel (deployment, credentials and S3 settings). The Advanced connection parameters serve qgis_process and models; given with a non-default value they override the saved connection's.</source>
            <translation>CONNECTION ist eine im Bedienfeld Sentinel Hub BYOC gespeicherte Verbindung (Bereitstellung, Zugangsdaten und S3-Einstellungen). Die erweiterten Verbindungsparameter dienen qgis_process und Modellen; mit einem anderen als dem Vorgabewert überschreiben sie die der gespeicherten Verbindung.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/base.py" />
            <source>Collection (id, or its exact name)</source>
            <translation>Kollektion (ID oder ihr genauer Name)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/base.py" />
            <source>{} is empty: give a collection id or name</source>
            <translation>{} ist leer: eine Kollektions-ID oder einen Namen angeben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/base.py" />
            <source>No collection is named {!r}; give its id instead</source>
            <translation>Keine Kollektion heißt {!r}; stattdessen ihre ID angeben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/base.py" />
            <source>{} collections are named {!r} ({}); give the id</source>
            <translation>{} Kollektionen heißen {!r} ({}); die ID angeben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/collection_widget.py" />
            <source>Choose a connection to list its collections, or type an id or name</source>
            <translation>Eine Verbindung wählen, um ihre Kollektionen aufzulisten, oder eine ID oder einen Namen eingeben</translation>
        </message>
        <message numerus="yes">
            <location filename="../byoc_qgis/processing/collection_widget.py" />
            <source>Choose one of %n collections, or type an id or name</source>
            <translation>
                <numerusform>Eine von %n Kollektion wählen oder eine ID oder einen Namen eingeben</numerusform>
                <numerusform>Eine von %n Kollektionen wählen oder eine ID oder einen Namen eingeben</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/collection_widget.py" />
            <source>cancelled</source>
            <translation>abgebrochen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/collection_widget.py" />
            <source>Listing the collections of {}…</source>
            <translation>Die Kollektionen von {} werden aufgelistet…</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/collection_widget.py" />
            <source>Collections cannot be listed: {}</source>
            <translation>Kollektionen können nicht aufgelistet werden: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>Sentinel Hub EU (services.sentinel-hub.com)</source>
            <translation>Sentinel Hub EU (services.sentinel-hub.com)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>Sentinel Hub US West (services-uswest2.sentinel-hub.com)</source>
            <translation>Sentinel Hub US West (services-uswest2.sentinel-hub.com)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>Copernicus Data Space Ecosystem (sh.dataspace.copernicus.eu)</source>
            <translation>Copernicus Data Space Ecosystem (sh.dataspace.copernicus.eu)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>Custom base URL (e.g. localhub)</source>
            <translation>Eigene Basis-URL (z. B. localhub)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>Connection (from the BYOC panel)</source>
            <translation>Verbindung (aus dem Bedienfeld BYOC)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>A connection saved in the BYOC panel: deployment, credentials and S3 settings in one choice. The Advanced connection parameters, when given, override its values.</source>
            <translation>Eine im Bedienfeld BYOC gespeicherte Verbindung: Bereitstellung, Zugangsdaten und S3-Einstellungen in einer Auswahl. Die erweiterten Verbindungsparameter überschreiben, wenn angegeben, ihre Werte.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>Deployment 'Custom base URL' needs the custom base URL (BASE_URL), e.g. http://127.0.0.1:8000</source>
            <translation>Die Bereitstellung 'Custom base URL' benötigt die eigene Basis-URL (BASE_URL), z. B. http://127.0.0.1:8000</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>No Sentinel Hub credentials: choose a connection, or an authentication configuration (Basic: client id / client secret) as the Sentinel Hub credentials, or set BYOC_CLIENT_ID and BYOC_CLIENT_SECRET in the environment</source>
            <translation>Keine Sentinel Hub-Zugangsdaten: eine Verbindung oder eine Authentifizierungskonfiguration (Basic: Client-ID / Client-Secret) als Sentinel Hub-Zugangsdaten wählen oder BYOC_CLIENT_ID und BYOC_CLIENT_SECRET in der Umgebung setzen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>S3 credentials</source>
            <translation>S3-Zugangsdaten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>Sentinel Hub credentials (Basic auth configuration: client id / client secret)</source>
            <translation>Sentinel Hub-Zugangsdaten (Basic-Authentifizierungskonfiguration: Client-ID / Client-Secret)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>Custom base URL (deployment 'Custom', e.g. http://127.0.0.1:8000)</source>
            <translation>Eigene Basis-URL (Bereitstellung 'Custom', z. B. http://127.0.0.1:8000)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>Custom token URL (default: &lt;base URL&gt;/auth/realms/main/...)</source>
            <translation>Eigene Token-URL (Vorgabe: &lt;Basis-URL&gt;/auth/realms/main/...)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>S3 credentials (Basic auth configuration: access key / secret key)</source>
            <translation>S3-Zugangsdaten (Basic-Authentifizierungskonfiguration: Access Key / Secret Key)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>S3 endpoint host[:port] (empty: AWS)</source>
            <translation>S3-Endpunkt host[:port] (leer: AWS)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>S3 region</source>
            <translation>S3-Region</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>S3 over HTTPS</source>
            <translation>S3 über HTTPS</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>S3 path-style addressing</source>
            <translation>S3-Adressierung im Pfadstil</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>A custom base URL (BASE_URL) is only used with the deployment 'Custom base URL'; choose it or clear the custom base URL</source>
            <translation>Eine eigene Basis-URL (BASE_URL) wird nur mit der Bereitstellung 'Custom base URL' verwendet; diese wählen oder die eigene Basis-URL leeren</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>Sentinel Hub credentials</source>
            <translation>Sentinel Hub-Zugangsdaten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/connection.py" />
            <source>No connection named {!r} is saved in the BYOC panel (saved: {})</source>
            <translation>Im Bedienfeld BYOC ist keine Verbindung namens {!r} gespeichert (gespeichert: {})</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/feedback.py" />
            <source>Cancelled by the user.</source>
            <translation>Vom Benutzer abgebrochen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/inputs.py" />
            <source>Layer {!r} is not a GDAL raster (file); only file-based rasters can be used</source>
            <translation>Layer {!r} ist kein GDAL-Raster (Datei); nur dateibasierte Raster können verwendet werden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/inputs.py" />
            <source>Folder {!r} does not exist</source>
            <translation>Ordner {!r} existiert nicht</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>Custom (the evalscript below, or its file)</source>
            <translation>Eigenes (das Evalscript unten oder seine Datei)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>True colour (BANDS = red,green,blue)</source>
            <translation>Echtfarben (BANDS = Rot,Grün,Blau)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>False colour (BANDS = nir,red,green)</source>
            <translation>Falschfarben (BANDS = NIR,Rot,Grün)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>Normalized difference (BANDS = a,b)</source>
            <translation>Normalisierte Differenz (BANDS = a,b)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>Single band (BANDS = name)</source>
            <translation>Einzelkanal (BANDS = Name)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>Give an EVALSCRIPT or EVALSCRIPT_FILE, or choose a generated evalscript</source>
            <translation>Ein EVALSCRIPT oder EVALSCRIPT_FILE angeben oder ein erzeugtes Evalscript wählen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>Evalscript</source>
            <translation>Evalscript</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>Bands for the generated evalscript</source>
            <translation>Kanäle für das erzeugte Evalscript</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>Scale for colour composites (value × scale = 0..1)</source>
            <translation>Skalierung für Farbkomposite (Wert × Skalierung = 0..1)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>Evalscript (custom)</source>
            <translation>Evalscript (eigenes)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>…or evalscript file</source>
            <translation>…oder Evalscript-Datei</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>Collection {} has no bands yet (no tile ingested): give a custom EVALSCRIPT</source>
            <translation>Kollektion {} hat noch keine Kanäle (keine Kachel eingelesen): ein eigenes EVALSCRIPT angeben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>This evalscript needs {} band names in BANDS; the collection has: {}</source>
            <translation>Dieses Evalscript benötigt {} Kanalnamen in BANDS; die Kollektion hat: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/parameters.py" />
            <source>EVALSCRIPT_FILE {}: {}</source>
            <translation>EVALSCRIPT_FILE {}: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/provider.py" />
            <source>Sentinel Hub Bring Your Own COG</source>
            <translation>Sentinel Hub Bring Your Own COG</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/shipped_models.py" />
            <source>Create tiles, wait, process (example model)</source>
            <translation>Kacheln erstellen, warten, verarbeiten (Beispielmodell)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/shipped_models.py" />
            <source>Example models</source>
            <translation>Beispielmodelle</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/shipped_models.py" />
            <source>Create tiles, wait, batch (example model)</source>
            <translation>Kacheln erstellen, warten, Batch (Beispielmodell)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/tiles_common.py" />
            <source>Tiles (layer or table with a tile id field)</source>
            <translation>Kacheln (Layer oder Tabelle mit einem Feld für die Kachel-ID)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/tiles_common.py" />
            <source>…or tile ids (comma-separated)</source>
            <translation>…oder Kachel-IDs (durch Kommas getrennt)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/tiles_common.py" />
            <source>No tile selected: give TILES (a layer with tile ids) or TILE_IDS</source>
            <translation>Keine Kachel ausgewählt: TILES (ein Layer mit Kachel-IDs) oder TILE_IDS angeben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/tiles_common.py" />
            <source>TILES has no field {!r}; choose the tile id field in TILE_ID_FIELD</source>
            <translation>TILES hat kein Feld {!r}; das Feld mit der Kachel-ID in TILE_ID_FIELD wählen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/tiles_common.py" />
            <source>broken geometry ({})</source>
            <translation>kaputte Geometrie ({})</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/processing/tiles_common.py" />
            <source>EPSG:{} is not a CRS QGIS knows</source>
            <translation>EPSG:{} ist kein KBS, das QGIS kennt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/errors.py" />
            <source>Cannot reach {url} ({reason})</source>
            <translation>{url} ist nicht erreichbar ({reason})</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/errors.py" />
            <source>Cannot reach {url} ({reason}): {hint}</source>
            <translation>{url} ist nicht erreichbar ({reason}): {hint}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/errors.py" />
            <source>{text} ({attempts} attempts)</source>
            <translation>{text} ({attempts} Versuche)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/errors.py" />
            <source>The service failed ({}); try again later</source>
            <translation>Der Dienst ist fehlgeschlagen ({}); später erneut versuchen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/errors.py" />
            <source>The service is still rate limiting requests ({}); try again in a minute</source>
            <translation>Der Dienst begrenzt Anfragen noch immer ({}); in einer Minute erneut versuchen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/errors.py" />
            <source>{} — check the client id and secret of the connection</source>
            <translation>{} — Client-ID und Client-Secret der Verbindung prüfen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/findings.py" />
            <source>{severity} [{rule}] {where}{message} (found: {value}) Fix: {fix}</source>
            <translation>{severity} [{rule}] {where}{message} (gefunden: {value}) Behebung: {fix}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/findings.py" />
            <source>pre-flight check failed: {}</source>
            <translation>Vorabprüfung fehlgeschlagen: {}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/findings.py" />
            <source>error</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/findings.py" />
            <source>warning</source>
            <translation>Warnung</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/findings.py" />
            <source> (+{} more)</source>
            <translation> (+{} weitere)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/findings.py" />
            <source>tile</source>
            <translation>Kachel</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/results.py" />
            <source>extent</source>
            <translation>Ausdehnung</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Re-create the file as a COG with BLOCKSIZE=1024 and internal AVERAGE overviews (COGify does this).</source>
            <translation>Die Datei als COG mit BLOCKSIZE=1024 und internen AVERAGE-Übersichten neu erzeugen (COGify erledigt das).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Reproject to an allowed CRS (COGify with reprojection does this).</source>
            <translation>In ein erlaubtes KBS reprojizieren (COGify mit Reprojektion erledigt das).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Georeference the file (gdal_translate -a_srs EPSG:&lt;code&gt; -a_ullr ...) or warp it to a grid.</source>
            <translation>Die Datei georeferenzieren (gdal_translate -a_srs EPSG:&lt;code&gt; -a_ullr ...) oder auf ein Raster transformieren (gdalwarp).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The file is not a valid Cloud Optimized GeoTIFF: {text}.</source>
            <translation>Die Datei ist kein gültiges Cloud Optimized GeoTIFF: {text}.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>No S3 credentials: choose S3 credentials (access key / secret key) for the connection (Processing: S3_AUTHCFG), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.</source>
            <translation>Keine S3-Zugangsdaten: S3-Zugangsdaten (Access Key / Secret Key) für die Verbindung wählen (Verarbeitung: S3_AUTHCFG) oder AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY setzen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>connection refused</source>
            <translation>Verbindung abgelehnt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>no answer</source>
            <translation>keine Antwort</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>unknown error</source>
            <translation>unbekannter Fehler</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Bucket {bucket} does not exist at {where}: create it, or correct the bucket name (and the S3 endpoint/region).</source>
            <translation>Bucket {bucket} existiert nicht bei {where}: ihn anlegen oder den Bucket-Namen (und den S3-Endpunkt/die Region) korrigieren.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{where} refused the S3 secret key for access key {key_hint} (the signature does not match): correct the secret key in the S3 credentials.</source>
            <translation>{where} hat den S3 Secret Key für den Access Key {key_hint} abgelehnt (die Signatur stimmt nicht): den Secret Key in den S3-Zugangsdaten korrigieren.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>No S3 credentials for bucket {bucket}: choose S3 credentials (access key / secret key) for the connection (Processing: S3_AUTHCFG), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.</source>
            <translation>Keine S3-Zugangsdaten für Bucket {bucket}: S3-Zugangsdaten (Access Key / Secret Key) für die Verbindung wählen (Verarbeitung: S3_AUTHCFG) oder AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY setzen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{where} does not know the S3 access key {key_hint}: correct the access key in the S3 credentials (and check the endpoint: keys of one provider do not work at another).</source>
            <translation>{where} kennt den S3 Access Key {key_hint} nicht: den Access Key in den S3-Zugangsdaten korrigieren (und den Endpunkt prüfen: Schlüssel eines Anbieters funktionieren nicht bei einem anderen).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{where} denied access to bucket {bucket} (AccessDenied): the S3 keys are valid but lack permission; grant them s3:ListBucket, s3:GetObject and s3:PutObject on the bucket, or use other keys.</source>
            <translation>{where} hat den Zugriff auf Bucket {bucket} verweigert (AccessDenied): Die S3-Schlüssel sind gültig, haben aber keine Berechtigung; ihnen s3:ListBucket, s3:GetObject und s3:PutObject auf dem Bucket gewähren oder andere Schlüssel verwenden.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Cannot reach the S3 endpoint {where} ({reason}): check the endpoint host:port and the HTTPS setting, and that the server is running.</source>
            <translation>Der S3-Endpunkt {where} ist nicht erreichbar ({reason}): Endpunkt host:port und die HTTPS-Einstellung prüfen und ob der Server läuft.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The S3 endpoint {where} dropped the connection ({reason}): try again later; if it persists, check the HTTPS setting and any proxy.</source>
            <translation>Der S3-Endpunkt {where} hat die Verbindung abgebrochen ({reason}): später erneut versuchen; falls es anhält, die HTTPS-Einstellung und einen etwaigen Proxy prüfen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>S3 at {where} is unavailable or throttling ({answer}): try again later.</source>
            <translation>S3 bei {where} ist nicht verfügbar oder drosselt ({answer}): später erneut versuchen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>S3 at {where} answered: {answer}.</source>
            <translation>S3 bei {where} antwortete: {answer}.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Bucket {bucket} at {where} can be read but not written ({answer}): grant the S3 keys s3:PutObject (and s3:DeleteObject) on the bucket, or use other keys.</source>
            <translation>Bucket {bucket} bei {where} kann gelesen, aber nicht beschrieben werden ({answer}): den S3-Schlüsseln s3:PutObject (und s3:DeleteObject) auf dem Bucket gewähren oder andere Schlüssel verwenden.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Bucket {bucket} at {where} is reachable.</source>
            <translation>Bucket {bucket} bei {where} ist erreichbar.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Bucket {bucket} at {where} is reachable and writable.</source>
            <translation>Bucket {bucket} bei {where} ist erreichbar und beschreibbar.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Bucket {bucket} at {where} is reachable and writable (could not delete the check object {key}; it is safe to delete).</source>
            <translation>Bucket {bucket} bei {where} ist erreichbar und beschreibbar (das Prüfobjekt {key} konnte nicht gelöscht werden; es kann gefahrlos gelöscht werden).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>S3 keys accepted by {where}.</source>
            <translation>S3-Schlüssel von {where} akzeptiert.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Cannot check s3://{bucket}/{object}: {text}</source>
            <translation>s3://{bucket}/{object} kann nicht geprüft werden: {text}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Cannot check s3://{bucket}/{object} (after {attempts} attempts): {text}</source>
            <translation>s3://{bucket}/{object} kann nicht geprüft werden (nach {attempts} Versuchen): {text}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Cannot list s3://{bucket}/{prefix}: {text}</source>
            <translation>s3://{bucket}/{prefix} kann nicht aufgelistet werden: {text}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>the proxy refused or dropped the connection</source>
            <translation>der Proxy hat die Verbindung abgelehnt oder abgebrochen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>certificate problem</source>
            <translation>Zertifikatsproblem</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>no answer within {seconds} s</source>
            <translation>keine Antwort innerhalb von {seconds} s</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>the service did not answer within {seconds} s</source>
            <translation>der Dienst hat nicht innerhalb von {seconds} s geantwortet</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>host name not found</source>
            <translation>Hostname nicht gefunden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>connection reset</source>
            <translation>Verbindung zurückgesetzt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>network unreachable</source>
            <translation>Netzwerk nicht erreichbar</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>the connection was dropped</source>
            <translation>die Verbindung wurde abgebrochen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>connection failed</source>
            <translation>Verbindung fehlgeschlagen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>network error</source>
            <translation>Netzwerkfehler</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>check the proxy in QGIS Settings → Options → Network</source>
            <translation>den Proxy unter QGIS Einstellungen → Optionen → Netzwerk prüfen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>add the service's CA in QGIS Settings → Options → Authentication → Certificate Manager</source>
            <translation>die Zertifizierungsstelle (CA) des Dienstes unter QGIS Einstellungen → Optionen → Authentifizierung → Zertifikatsverwaltung hinzufügen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>already registered: skipped</source>
            <translation>bereits registriert: übersprungen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>no valid pixel: nothing to register</source>
            <translation>kein gültiges Pixel: nichts zu registrieren</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>cancelled before registration</source>
            <translation>vor der Registrierung abgebrochen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>no such tile</source>
            <translation>keine solche Kachel</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>status {status}: nothing to explain</source>
            <translation>Status {status}: nichts zu erklären</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>no valid pixel: the cover is left as it is</source>
            <translation>kein gültiges Pixel: die Abdeckung bleibt, wie sie ist</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>the target has a tile at this path</source>
            <translation>das Ziel hat eine Kachel unter diesem Pfad</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{points} points; cover adds ≈ {excess_area} {unit}² ({excess_pct} %) outside the data and leaves ≈ {deficit_area} {unit}² ({deficit_pct} %) of data out; traced at level {level} ({width}x{height} px) in {seconds} s</source>
            <translation>{points} Punkte; die Abdeckung schließt ≈ {excess_area} {unit}² ({excess_pct} %) außerhalb der Daten ein und lässt ≈ {deficit_area} {unit}² ({deficit_pct} %) der Daten aus; umrissen auf Stufe {level} ({width}x{height} px) in {seconds} s</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{text}; fallback: {fallback}</source>
            <translation>{text}; Ersatz: {fallback}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Tile path {path!r} contains a backslash; use / between folders.</source>
            <translation>Kachelpfad {path!r} enthält einen Backslash; / zwischen Ordnern verwenden.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The tile path is empty.</source>
            <translation>Der Kachelpfad ist leer.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Tile path {path!r} is not accepted by the service: no leading or trailing '/', no '//' (pattern ^([^/](/?[^/])*)?$).</source>
            <translation>Kachelpfad {path!r} wird vom Dienst nicht akzeptiert: kein '/' am Anfang oder Ende, kein '//' (Muster ^([^/](/?[^/])*)?$).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Tile path {path!r} contains (BAND) more than once.</source>
            <translation>Kachelpfad {path!r} enthält (BAND) mehr als einmal.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Tile path {path!r} still contains a {{placeholder}}.</source>
            <translation>Kachelpfad {path!r} enthält noch einen {{placeholder}}.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Template {template!r} is malformed: {error}.</source>
            <translation>Vorlage {template!r} ist fehlerhaft: {error}.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Template {template!r}: placeholder {{{field}}} is not a simple name.</source>
            <translation>Vorlage {template!r}: Platzhalter {{{field}}} ist kein einfacher Name.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Template {template!r} uses {{{field}}} but no value was given; available: {available}.</source>
            <translation>Vorlage {template!r} verwendet {{{field}}}, aber es wurde kein Wert angegeben; verfügbar: {available}.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Template {template!r} uses {{{field}}} but no value was given (give the sensing time); available: {available}.</source>
            <translation>Vorlage {template!r} verwendet {{{field}}}, aber es wurde kein Wert angegeben (die Aufnahmezeit angeben); verfügbar: {available}.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Value of {{{field}}} ({value!r}) must not contain '/'.</source>
            <translation>Der Wert von {{{field}}} ({value!r}) darf kein '/' enthalten.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The template {template!r} must contain (BAND) once.</source>
            <translation>Die Vorlage {template!r} muss (BAND) genau einmal enthalten.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The date in {fields} is invalid: {error}.</source>
            <translation>Das Datum in {fields} ist ungültig: {error}.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Date pattern {pattern!r}: {token!r} is not supported; use %Y %m %d %H %M %S %j %y.</source>
            <translation>Datumsmuster {pattern!r}: {token!r} wird nicht unterstützt; %Y %m %d %H %M %S %j %y verwenden.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>No sensing time for {source}: the template needs a date and the file name has no pattern {pattern!r}. Give the sensing time or a date pattern.</source>
            <translation>Keine Aufnahmezeit für {source}: Die Vorlage braucht ein Datum, und der Dateiname enthält kein Muster {pattern!r}. Die Aufnahmezeit oder ein Datumsmuster angeben.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>No sensing time for {source}: the template needs a date and the file name has no a YYYYMMDD or YYYY-MM-DD date. Give the sensing time or a date pattern.</source>
            <translation>Keine Aufnahmezeit für {source}: Die Vorlage braucht ein Datum, und der Dateiname enthält kein Datum YYYYMMDD oder YYYY-MM-DD. Die Aufnahmezeit oder ein Datumsmuster angeben.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>several tiles would get the same path {path!r}; change the path template</source>
            <translation>mehrere Kacheln bekämen denselben Pfad {path!r}; die Pfadvorlage ändern</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{field}: {url!r} is not an http(s) URL; give e.g. https://services.sentinel-hub.com</source>
            <translation>{field}: {url!r} ist keine http(s)-URL; z. B. https://services.sentinel-hub.com angeben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{field}: credentials must not be part of the URL; use the client id/secret fields</source>
            <translation>{field}: Zugangsdaten dürfen nicht Teil der URL sein; die Felder Client-ID/Secret verwenden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{field}: remove the query/fragment from {url}</source>
            <translation>{field}: Query/Fragment aus {url} entfernen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>deployment {deployment!r} is unknown; use one of {known} or a base URL like http://host:port</source>
            <translation>Bereitstellung {deployment!r} ist unbekannt; eine von {known} oder eine Basis-URL wie http://host:port verwenden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{path}: no valid pixel found; skip this tile (nothing to cover).</source>
            <translation>{path}: kein gültiges Pixel gefunden; diese Kachel überspringen (nichts abzudecken).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>No outline fits the point budget; using the raster extent as cover.</source>
            <translation>Kein Umriss passt in die Punktzahl; die Rasterausdehnung wird als Abdeckung verwendet.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The data area is too small or too fragmented to fit without no-data; no cover.</source>
            <translation>Das Datengebiet ist zu klein oder zu zerstückelt, um es ohne NoData einzupassen; keine Abdeckung.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{path}: the CRS has no EPSG code; the GeoJSON has no crs member.</source>
            <translation>{path}: Das KBS hat keinen EPSG-Code; das GeoJSON hat kein crs-Element.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{name}: {text}</source>
            <translation>{name}: {text}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{name}: {stem} COGified</source>
            <translation>{name}: {stem} in COG umgewandelt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{name}: s3://{bucket}/{key} already holds this file ({how}), not uploaded again</source>
            <translation>{name}: s3://{bucket}/{key} enthält diese Datei bereits ({how}), nicht erneut hochgeladen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{name}: s3://{bucket}/{key} held other content and was replaced (OVERWRITE)</source>
            <translation>{name}: s3://{bucket}/{key} hatte anderen Inhalt und wurde ersetzt (OVERWRITE)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Cannot upload {path}: the file does not exist.</source>
            <translation>{path} kann nicht hochgeladen werden: Die Datei existiert nicht.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>s3://{bucket}/{key} already exists with {how}; it is left untouched: choose another path template, or allow overwriting (OVERWRITE) to replace it.</source>
            <translation>s3://{bucket}/{key} existiert bereits (Inhalt: {how}); es bleibt unverändert: eine andere Pfadvorlage wählen oder das Überschreiben (OVERWRITE) erlauben, um es zu ersetzen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Upload of {path} to s3://{bucket}/{key} could not be verified: S3 reports no object at the key after a successful transfer; try again.</source>
            <translation>Das Hochladen von {path} nach s3://{bucket}/{key} konnte nicht geprüft werden: S3 meldet nach einer erfolgreichen Übertragung kein Objekt unter dem Schlüssel; erneut versuchen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Upload of {path} to s3://{bucket}/{key} could not be verified: the object holds {how}; it is not registered. Try again.</source>
            <translation>Das Hochladen von {path} nach s3://{bucket}/{key} konnte nicht geprüft werden (Inhalt des Objekts: {how}); es wird nicht registriert. Erneut versuchen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The tile path {path!r} must contain (BAND), e.g. tile1/(BAND).tif.</source>
            <translation>Der Kachelpfad {path!r} muss (BAND) enthalten, z. B. tile1/(BAND).tif.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{size} bytes (the file has {local_size})</source>
            <translation>{size} Bytes (die Datei hat {local_size})</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>same multipart checksum</source>
            <translation>gleiche Multipart-Prüfsumme</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>same MD5</source>
            <translation>gleiche MD5</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>same MD5 (the checksum stored with the object)</source>
            <translation>gleiche MD5 (die mit dem Objekt gespeicherte Prüfsumme)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>other content (MD5 differs, same size)</source>
            <translation>anderer Inhalt (MD5 verschieden, gleiche Größe)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>other content (checksum differs, same size)</source>
            <translation>anderer Inhalt (Prüfsumme verschieden, gleiche Größe)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>content that cannot be compared (uploaded in {parts} parts of an unknown size)</source>
            <translation>Inhalt, der nicht verglichen werden kann (in {parts} Teilen unbekannter Größe hochgeladen)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>content that cannot be compared (its ETag is not an MD5 and it has no checksum of ours)</source>
            <translation>Inhalt, der nicht verglichen werden kann (sein ETag ist keine MD5 und er hat keine Prüfsumme von uns)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{url} is not in bucket {bucket}: give the delivery bucket's settings</source>
            <translation>{url} liegt nicht im Bucket {bucket}: die Einstellungen des Liefer-Buckets angeben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Cannot read the execution database {url}: {reason}</source>
            <translation>Die Ausführungsdatenbank {url} kann nicht gelesen werden: {reason}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Cannot read the feature manifest {url}: {reason}</source>
            <translation>Das Objektmanifest {url} kann nicht gelesen werden: {reason}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{url} has no 'features' table: is it a batch execution database?</source>
            <translation>{url} hat keine Tabelle 'features': Ist es eine Batch-Ausführungsdatenbank?</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>batch task {task} has no S3 delivery (request.output.delivery.s3.url)</source>
            <translation>Batch-Aufgabe {task} hat keine S3-Lieferung (request.output.delivery.s3.url)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>output {output!r} is not a raster output of batch task {task}; its outputs are: {outputs}</source>
            <translation>Ausgabe {output!r} ist keine Rasterausgabe der Batch-Aufgabe {task}; ihre Ausgaben sind: {outputs}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Cannot read the delivered file {path}: {reason}</source>
            <translation>Die gelieferte Datei {path} kann nicht gelesen werden: {reason}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Cannot build the mosaic of output {output} (EPSG:{epsg}) from {count} cells: {reason}</source>
            <translation>Das Mosaik der Ausgabe {output} (EPSG:{epsg}) aus {count} Zellen kann nicht erstellt werden: {reason}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>delivery: give both S3 keys (access key and secret key) or an IAM role ARN</source>
            <translation>Lieferung: beide S3-Schlüssel (Access Key und Secret Key) oder einen IAM-Rollen-ARN angeben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>cogParameters.overviewLevels: factors must be 2 or more, e.g. [2, 4, 8]</source>
            <translation>cogParameters.overviewLevels: Faktoren müssen 2 oder größer sein, z. B. [2, 4, 8]</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>cogParameters.resamplingAlgorithm {resampling!r}: use {choices}</source>
            <translation>cogParameters.resamplingAlgorithm {resampling!r}: {choices} verwenden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>cogParameters.{name} {value}: use a multiple of 16, e.g. 256</source>
            <translation>cogParameters.{name} {value}: ein Vielfaches von 16 verwenden, z. B. 256</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>processRequest.input.bounds: a tiling-grid batch needs the area of interest (bbox/geometry)</source>
            <translation>processRequest.input.bounds: Ein Batch über ein Kachelgitter braucht das Interessengebiet (bbox/geometry)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>processRequest.evalscript is empty</source>
            <translation>processRequest.evalscript ist leer</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>output {output!r}: batch delivers image/tiff (and application/json for userdata), not {mime}</source>
            <translation>Ausgabe {output!r}: Batch liefert image/tiff (und application/json für userdata), nicht {mime}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>resolution must be positive</source>
            <translation>die Auflösung muss positiv sein</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{name} {value}: give 0..32767 pixels</source>
            <translation>{name} {value}: 0..32767 Pixel angeben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>createCollection/collectionId: the outputs must be COGs (turn on COG output)</source>
            <translation>createCollection/collectionId: Die Ausgaben müssen COGs sein (COG-Ausgabe einschalten)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>createCollection/collectionId: every output must be image/tiff (no userdata)</source>
            <translation>createCollection/collectionId: Jede Ausgabe muss image/tiff sein (keine userdata)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>give createCollection (a new collection) or collectionId (an existing one), not both</source>
            <translation>createCollection (eine neue Kollektion) oder collectionId (eine vorhandene) angeben, nicht beides</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>cogParameters apply to COG output only (turn on COG output)</source>
            <translation>cogParameters gelten nur für COG-Ausgabe (COG-Ausgabe einschalten)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>band name {name!r} must be a JavaScript identifier (letters, digits, _ or $, not starting with a digit)</source>
            <translation>Kanalname {name!r} muss ein JavaScript-Bezeichner sein (Buchstaben, Ziffern, _ oder $, nicht mit einer Ziffer beginnend)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>band {name}: bitDepth {bit_depth} must be one of 8, 16, 32</source>
            <translation>Kanal {name}: bitDepth {bit_depth} muss 8, 16 oder 32 sein</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>band {name}: sampleFormat {sample_format!r} must be UINT, INT or FLOAT</source>
            <translation>Kanal {name}: sampleFormat {sample_format!r} muss UINT, INT oder FLOAT sein</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{field}: expected an ISO 8601 string, got {type}</source>
            <translation>{field}: eine ISO-8601-Zeichenkette erwartet, {type} erhalten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{field}: {value!r} is not an ISO 8601 time like 2021-06-29T18:02:34Z</source>
            <translation>{field}: {value!r} ist keine ISO-8601-Zeit wie 2021-06-29T18:02:34Z</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{field}: {value!r}: {error}</source>
            <translation>{field}: {value!r}: {error}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>CRS: {value!r} is not a CRS</source>
            <translation>KBS: {value!r} ist kein KBS</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>CRS {text!r} is not understood; use urn:ogc:def:crs:EPSG::&lt;code&gt;, EPSG:&lt;code&gt; or http://www.opengis.net/def/crs/EPSG/0/&lt;code&gt;</source>
            <translation>KBS {text!r} wird nicht verstanden; urn:ogc:def:crs:EPSG::&lt;code&gt;, EPSG:&lt;code&gt; oder http://www.opengis.net/def/crs/EPSG/0/&lt;code&gt; verwenden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>collection id {id!r} is not valid</source>
            <translation>Kollektions-ID {id!r} ist ungültig</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>timeRange needs both 'from' and 'to'</source>
            <translation>timeRange braucht sowohl 'from' als auch 'to'</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>timeRange: from {start} is after to {end}</source>
            <translation>timeRange: from {start} liegt nach to {end}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>mosaickingOrder {order!r}: use mostRecent or leastRecent</source>
            <translation>mosaickingOrder {order!r}: mostRecent oder leastRecent verwenden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{name} {value!r}: use NEAREST, BILINEAR or BICUBIC</source>
            <translation>{name} {value!r}: NEAREST, BILINEAR oder BICUBIC verwenden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>response format {format!r}: use one of {formats}</source>
            <translation>Antwortformat {format!r}: eines von {formats} verwenden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>quality applies to image/jpeg only, 0..100</source>
            <translation>quality gilt nur für image/jpeg, 0..100</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>input.bounds: give a bbox and/or a geometry</source>
            <translation>input.bounds: eine bbox und/oder eine geometry angeben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>output: give both width and height</source>
            <translation>output: sowohl width als auch height angeben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>evalscript is empty</source>
            <translation>das Evalscript ist leer</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>input.data: give at least one collection</source>
            <translation>input.data: mindestens eine Kollektion angeben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>output: give width/height or resx/resy, not both</source>
            <translation>output: width/height oder resx/resy angeben, nicht beides</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>output: resx and resy must both be positive</source>
            <translation>output: resx und resy müssen beide positiv sein</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>input.bounds.bbox {bbox}: need minx &lt; maxx and miny &lt; maxy</source>
            <translation>input.bounds.bbox {bbox}: minx &lt; maxx und miny &lt; maxy erforderlich</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>output: width and height must be at least 1</source>
            <translation>output: width und height müssen mindestens 1 sein</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>output {width}×{height} px is larger than {max_px} px per side; use ProcessClient.to_geotiff, which splits it into several requests</source>
            <translation>Ausgabe {width}×{height} px ist größer als {max_px} px je Seite; ProcessClient.to_geotiff verwenden, das sie in mehrere Anfragen aufteilt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>output.responses: duplicate identifiers {ids}</source>
            <translation>output.responses: doppelte Bezeichner {ids}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{url!r} is not an S3 URL: write it as s3://bucket/folder</source>
            <translation>{url!r} ist keine S3-URL: als s3://bucket/folder schreiben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>delivery URL {url!r}: unknown placeholder {placeholder}; use {known}</source>
            <translation>Liefer-URL {url!r}: unbekannter Platzhalter {placeholder}; {known} verwenden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>delivery URL {url!r}: the bucket name cannot hold a placeholder</source>
            <translation>Liefer-URL {url!r}: Der Bucket-Name darf keinen Platzhalter enthalten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>delivery URL {url!r}: the path must contain &lt;tileName&gt; (or &lt;tileId&gt;)</source>
            <translation>Liefer-URL {url!r}: Der Pfad muss &lt;tileName&gt; (oder &lt;tileId&gt;) enthalten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>delivery URL {url!r}: with several outputs the path must contain &lt;outputId&gt;</source>
            <translation>Liefer-URL {url!r}: Bei mehreren Ausgaben muss der Pfad &lt;outputId&gt; enthalten</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>delivery URL {url!r}: the path has an empty segment (//)</source>
            <translation>Liefer-URL {url!r}: Der Pfad hat einen leeren Abschnitt (//)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>format {mime!r}: batch outputs are image/tiff or application/json</source>
            <translation>Format {mime!r}: Batch-Ausgaben sind image/tiff oder application/json</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>resolution {resolution!r} is not offered by tiling grid {grid} ({name}): use {offered}{unit}</source>
            <translation>Auflösung {resolution!r} wird vom Kachelgitter {grid} ({name}) nicht angeboten: {offered}{unit} verwenden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>tiling grid {grid!r} is unknown: use one of {known}</source>
            <translation>Kachelgitter {grid!r} ist unbekannt: eines von {known} verwenden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>unknown EPSG code {epsg}</source>
            <translation>unbekannter EPSG-Code {epsg}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>bufferX and bufferY must be 0 or more pixels</source>
            <translation>bufferX und bufferY müssen 0 oder mehr Pixel sein</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>area of interest: the geometry is not a valid GeoJSON polygon</source>
            <translation>Interessengebiet: Die Geometrie ist kein gültiges GeoJSON-Polygon</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>area of interest: bbox needs 4 numbers [minx, miny, maxx, maxy]</source>
            <translation>Interessengebiet: bbox braucht 4 Zahlen [minx, miny, maxx, maxy]</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>area of interest: give a geometry or a bbox</source>
            <translation>Interessengebiet: eine Geometrie oder eine bbox angeben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>area of interest: cannot transform from EPSG:{epsg} to EPSG:4326</source>
            <translation>Interessengebiet: kann nicht von EPSG:{epsg} nach EPSG:4326 transformiert werden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>area of interest has no area</source>
            <translation>das Interessengebiet hat keine Fläche</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>no bands given</source>
            <translation>keine Kanäle angegeben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>band {name!r} is not in the collection; its bands are: {known}</source>
            <translation>Kanal {name!r} ist nicht in der Kollektion; ihre Kanäle sind: {known}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>unknown evalscript template {template!r}; use one of {known}</source>
            <translation>unbekannte Evalscript-Vorlage {template!r}; eine von {known} verwenden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>template {template!r} needs {need} band names, got {count}; the collection has: {known}</source>
            <translation>Vorlage {template!r} braucht {need} Kanalnamen, {count} erhalten; die Kollektion hat: {known}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{src}: layout must be 'multiband' or 'per-band', not {layout!r}.</source>
            <translation>{src}: Das Layout muss 'multiband' oder 'per-band' sein, nicht {layout!r}.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{src}: compression {compress!r} is not BYOC-friendly; use DEFLATE or ZSTD.</source>
            <translation>{src}: Die Kompression {compress!r} ist nicht BYOC-tauglich; DEFLATE oder ZSTD verwenden.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{src}: overview resampling {resampling!r} is not allowed; use AVERAGE (continuous data) or MODE/NEAREST (categorical data). CUBIC breaks cover tracing.</source>
            <translation>{src}: Das Resampling {resampling!r} für Übersichten ist nicht erlaubt; AVERAGE (kontinuierliche Daten) oder MODE/NEAREST (kategoriale Daten) verwenden. CUBIC stört das Umreißen der Abdeckung.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{src}: block size {blocksize} must be a multiple of 16 between 256 and 2048.</source>
            <translation>{src}: Die Blockgröße {blocksize} muss ein Vielfaches von 16 zwischen 256 und 2048 sein.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{src}: output type {output_type!r} is not supported by BYOC; use one of {types}.</source>
            <translation>{src}: Der Ausgabetyp {output_type!r} wird von BYOC nicht unterstützt; einen von {types} verwenden.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{src}: Int8 output needs GDAL 3.7 or newer; use Int16.</source>
            <translation>{src}: Int8-Ausgabe benötigt GDAL 3.7 oder neuer; Int16 verwenden.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{src}: target EPSG:{epsg} is not accepted by BYOC; use 4326, 3857, 3035 or UTM.</source>
            <translation>{src}: Ziel-EPSG:{epsg} wird von BYOC nicht akzeptiert; 4326, 3857, 3035 oder UTM verwenden.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{src}: {names} band names given for {bands} bands.</source>
            <translation>{src}: {names} Kanalnamen für {bands} Kanäle angegeben.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{src}: band file name {name!r} is not a valid identifier (letters, digits, _).</source>
            <translation>{src}: Kanaldateiname {name!r} ist kein gültiger Bezeichner (Buchstaben, Ziffern, _).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{src}: band file names must be unique.</source>
            <translation>{src}: Kanaldateinamen müssen eindeutig sein.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{src}: sample type {current} is not supported by BYOC; choose an output type (e.g. {suggested}) or enable 'convert unsupported types'.</source>
            <translation>{src}: Datentyp {current} wird von BYOC nicht unterstützt; einen Ausgabetyp wählen (z. B. {suggested}) oder „nicht unterstützte Typen umwandeln“ aktivieren.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{src}: the raster has no georeferencing; georeference it before COGify.</source>
            <translation>{src}: Das Raster hat keine Georeferenzierung; es vor COGify georeferenzieren.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{src}: EPSG:{epsg} is not accepted by BYOC; choose a target CRS (EPSG:4326, 3857, 3035 or UTM) to reproject.</source>
            <translation>{src}: EPSG:{epsg} wird von BYOC nicht akzeptiert; zum Reprojizieren ein Ziel-KBS wählen (EPSG:4326, 3857, 3035 oder UTM).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{src}: its CRS is not accepted by BYOC; choose a target CRS (EPSG:4326, 3857, 3035 or UTM) to reproject.</source>
            <translation>{src}: Sein KBS wird von BYOC nicht akzeptiert; zum Reprojizieren ein Ziel-KBS wählen (EPSG:4326, 3857, 3035 oder UTM).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{dst}: per-band output needs a folder, not a file name.</source>
            <translation>{dst}: Ausgabe je Kanal braucht einen Ordner, keinen Dateinamen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{src}: cannot prepare the conversion: {error}</source>
            <translation>{src}: Die Umwandlung kann nicht vorbereitet werden: {error}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{dst}: writing failed: {error}</source>
            <translation>{dst}: Schreiben fehlgeschlagen: {error}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Cannot open {src}: {error}</source>
            <translation>{src} kann nicht geöffnet werden: {error}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{path} exists; choose another output or allow overwriting.</source>
            <translation>{path} existiert; eine andere Ausgabe wählen oder das Überschreiben erlauben.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{path}: the output would overwrite the source; choose another output.</source>
            <translation>{path}: Die Ausgabe würde die Quelle überschreiben; eine andere Ausgabe wählen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{src}: the written file still fails the BYOC check: {finding}</source>
            <translation>{src}: Die geschriebene Datei besteht die BYOC-Prüfung noch immer nicht: {finding}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>QGIS is set to a SOCKS5 proxy, which the Sentinel Hub client does not support; use an HTTP proxy (Settings → Options → Network)</source>
            <translation>QGIS ist auf einen SOCKS5-Proxy eingestellt, den der Sentinel Hub-Client nicht unterstützt; einen HTTP-Proxy verwenden (Einstellungen → Optionen → Netzwerk)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>the QGIS authentication system is disabled (see QGIS's Authentication settings)</source>
            <translation>das QGIS-Authentifizierungssystem ist deaktiviert (siehe die Authentifizierungseinstellungen von QGIS)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>QGIS's authentication database is locked by another program (another QGIS, a backup or a database tool); close it and try again</source>
            <translation>die QGIS-Authentifizierungsdatenbank ist von einem anderen Programm gesperrt (ein anderes QGIS, eine Sicherung oder ein Datenbankwerkzeug); es schließen und erneut versuchen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>authentication configuration {authcfg!r} does not exist (deleted, or QGIS's authentication database cannot be read); choose or create one</source>
            <translation>Authentifizierungskonfiguration {authcfg!r} existiert nicht (gelöscht, oder die QGIS-Authentifizierungsdatenbank kann nicht gelesen werden); eine wählen oder anlegen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>authentication configuration {authcfg!r} cannot be read as Basic (username/password); is the QGIS master password set and the authentication database not locked?</source>
            <translation>Authentifizierungskonfiguration {authcfg!r} kann nicht als Basic (Benutzername/Passwort) gelesen werden; ist das QGIS-Master-Passwort gesetzt und die Authentifizierungsdatenbank nicht gesperrt?</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>authentication configuration {authcfg!r} lacks the access key or the secret key</source>
            <translation>der Authentifizierungskonfiguration {authcfg!r} fehlt der Access Key oder der Secret Key</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{name}: both the id and the secret are needed</source>
            <translation>{name}: Sowohl die ID als auch das Secret werden benötigt</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>connection name {name!r}: give a non-empty name without '/'</source>
            <translation>Verbindungsname {name!r}: einen nicht leeren Namen ohne '/' angeben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>no saved connection named {name!r}</source>
            <translation>keine gespeicherte Verbindung namens {name!r}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>BYOC_CLIENT_SECRET is set but BYOC_CLIENT_ID (or SH_CLIENT_ID) is not</source>
            <translation>BYOC_CLIENT_SECRET ist gesetzt, BYOC_CLIENT_ID (oder SH_CLIENT_ID) aber nicht</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>BYOC_CLIENT_ID is set but BYOC_CLIENT_SECRET (or SH_CLIENT_SECRET) is not</source>
            <translation>BYOC_CLIENT_ID ist gesetzt, BYOC_CLIENT_SECRET (oder SH_CLIENT_SECRET) aber nicht</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>an S3 access key is set but BYOC_S3_SECRET_KEY (or AWS_SECRET_ACCESS_KEY) is not</source>
            <translation>ein S3 Access Key ist gesetzt, BYOC_S3_SECRET_KEY (oder AWS_SECRET_ACCESS_KEY) aber nicht</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>client id is empty: copy it from your Sentinel Hub dashboard (OAuth clients)</source>
            <translation>die Client-ID ist leer: sie aus Ihrem Sentinel Hub-Dashboard (OAuth-Clients) kopieren</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>client secret for client id {client_id!r} is empty</source>
            <translation>das Client-Secret für die Client-ID {client_id!r} ist leer</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{path}: cannot read the mask of band {band}: {error}</source>
            <translation>{path}: Die Maske von Kanal {band} kann nicht gelesen werden: {error}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{path}: cannot read band {band}: {error}</source>
            <translation>{path}: Kanal {band} kann nicht gelesen werden: {error}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>polygonize failed: {error}</source>
            <translation>Polygonisieren fehlgeschlagen: {error}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{path}: the raster has no geotransform; georeference it before tracing a cover.</source>
            <translation>{path}: Das Raster hat keine Geotransformation; es vor dem Umreißen einer Abdeckung georeferenzieren.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{path}: rotated rasters are not supported; warp it to a north-up grid first.</source>
            <translation>{path}: Gedrehte Raster werden nicht unterstützt; es zuerst auf ein nordausgerichtetes Gitter transformieren.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Cannot open {path} to trace its cover: {error}</source>
            <translation>{path} kann zum Umreißen seiner Abdeckung nicht geöffnet werden: {error}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Unknown cover policy {policy!r}; use 'contain' (all data inside) or 'exclude' (no no-data).</source>
            <translation>Unbekannte Abdeckungsregel {policy!r}; 'contain' (alle Daten innerhalb) oder 'exclude' (kein NoData) verwenden.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>max_points must be at least 5 (the extent box needs 5), not {max_points}.</source>
            <translation>max_points muss mindestens 5 sein (das Ausdehnungsrechteck braucht 5), nicht {max_points}.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>No file given to trace a cover from.</source>
            <translation>Keine Datei zum Umreißen einer Abdeckung angegeben.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{path} is in EPSG:{epsg} but {first} in EPSG:{first_epsg}; the band files of a tile must share one CRS.</source>
            <translation>{path} ist in EPSG:{epsg}, aber {first} in EPSG:{first_epsg}; die Kanaldateien einer Kachel müssen ein KBS teilen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{what} {value!r} is not a valid id (a UUID like 7453e962-0ee5-4f74-8227-89759fbe9ba9)</source>
            <translation>{what} {value!r} ist keine gültige ID (eine UUID wie 7453e962-0ee5-4f74-8227-89759fbe9ba9)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>collection name is empty</source>
            <translation>der Name der Kollektion ist leer</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>s3Bucket {bucket!r}: give the bucket name only, without s3://</source>
            <translation>s3Bucket {bucket!r}: nur den Bucket-Namen angeben, ohne s3://</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>tile path {path!r}: no leading or trailing '/', no '//' (e.g. folder/(BAND).tif)</source>
            <translation>Kachelpfad {path!r}: kein '/' am Anfang oder Ende, kein '//' (z. B. folder/(BAND).tif)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>live view: the evalscript is empty</source>
            <translation>Live-Ansicht: Das Evalscript ist leer</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>live view: give both ends of the time range, or neither</source>
            <translation>Live-Ansicht: beide Enden des Zeitraums angeben oder keines</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>live view: mosaicking order {order!r}: use mostRecent or leastRecent</source>
            <translation>Live-Ansicht: Mosaikreihenfolge {order!r}: mostRecent oder leastRecent verwenden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>live view: the time range starts ({start}) after it ends ({end})</source>
            <translation>Live-Ansicht: Der Zeitraum beginnt ({start}) nach seinem Ende ({end})</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>live view: the evalscript is too long for a tile URL</source>
            <translation>Live-Ansicht: Das Evalscript ist zu lang für eine Kachel-URL</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>output {output!r} is not an image/tiff response of the request</source>
            <translation>Ausgabe {output!r} ist keine image/tiff-Antwort der Anfrage</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>to write a GeoTIFF, one output.responses entry must have format image/tiff</source>
            <translation>um ein GeoTIFF zu schreiben, muss ein Eintrag in output.responses das Format image/tiff haben</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The file pattern {pattern!r} must contain (BAND) exactly once, e.g. (BAND).tif.</source>
            <translation>Das Dateimuster {pattern!r} muss (BAND) genau einmal enthalten, z. B. (BAND).tif.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{path} is not under {root}; give a folder that holds every file</source>
            <translation>{path} liegt nicht unter {root}; einen Ordner angeben, der jede Datei enthält</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>batch task id {value!r} is not valid (a UUID)</source>
            <translation>Batch-Aufgaben-ID {value!r} ist ungültig (eine UUID)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>base URL</source>
            <translation>Basis-URL</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>token URL</source>
            <translation>Token-URL</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>not found</source>
            <translation>nicht gefunden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>cannot open it</source>
            <translation>kann nicht geöffnet werden</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>GDAL could not build it</source>
            <translation>GDAL konnte es nicht erstellen</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>none (the collection has no bands yet: ingest a tile first)</source>
            <translation>keine (die Kollektion hat noch keine Kanäle: zuerst eine Kachel einlesen)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>no bands yet</source>
            <translation>noch keine Kanäle</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>collection id</source>
            <translation>Kollektions-ID</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>target collection id</source>
            <translation>ID der Zielkollektion</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>tile id</source>
            <translation>Kachel-ID</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The file cannot be read as a raster: {path}: {reason}</source>
            <translation>Die Datei kann nicht als Raster gelesen werden: {path}: {reason}</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The file cannot be read as a raster: {path}: {reason} (GDAL: {detail})</source>
            <translation>Die Datei kann nicht als Raster gelesen werden: {path}: {reason} (GDAL: {detail})</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The file has no raster bands.</source>
            <translation>Die Datei hat keine Rasterkanäle.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Provide a raster GeoTIFF.</source>
            <translation>Ein Raster-GeoTIFF bereitstellen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The file is a {driver_long_name} file; BYOC reads only Cloud Optimized GeoTIFFs.</source>
            <translation>Die Datei ist eine {driver_long_name}-Datei; BYOC liest nur Cloud Optimized GeoTIFFs.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Convert it to a COG (COGify does this).</source>
            <translation>Sie in ein COG umwandeln (COGify erledigt das).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Build internal overviews (COGify does this); BYOC ignores external .ovr files.</source>
            <translation>Interne Übersichten erzeugen (COGify erledigt das); BYOC ignoriert externe .ovr-Dateien.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>COG validator: {text}.</source>
            <translation>COG-Validator: {text}.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The COG was edited in place and lost its layout.</source>
            <translation>Das COG wurde direkt bearbeitet und hat sein Layout verloren.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The file header (IFDs and tile index) is {header_size} bytes; BYOC reads at most {max_header} bytes.</source>
            <translation>Der Dateiheader (IFDs und Kachelindex) hat {header_size} Bytes; BYOC liest höchstens {max_header} Bytes.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Re-create the file with bigger internal tiles (BLOCKSIZE=1024) or split it into smaller files.</source>
            <translation>Die Datei mit größeren internen Kacheln (BLOCKSIZE=1024) neu erzeugen oder in kleinere Dateien aufteilen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The file has no geotransform; BYOC needs GeoTIFF georeferencing (ModelTiepoint, ModelPixelScale, GeoKeys).</source>
            <translation>Die Datei hat keine Geotransformation; BYOC benötigt GeoTIFF-Georeferenzierung (ModelTiepoint, ModelPixelScale, GeoKeys).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The file has no regular geotransform; BYOC needs GeoTIFF georeferencing (ModelTiepoint, ModelPixelScale, GeoKeys).</source>
            <translation>Die Datei hat keine reguläre Geotransformation; BYOC benötigt GeoTIFF-Georeferenzierung (ModelTiepoint, ModelPixelScale, GeoKeys).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The file has no CRS; BYOC needs GeoTIFF georeferencing (ModelTiepoint, ModelPixelScale, GeoKeys).</source>
            <translation>Die Datei hat kein KBS; BYOC benötigt GeoTIFF-Georeferenzierung (ModelTiepoint, ModelPixelScale, GeoKeys).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The file's CRS has no EPSG code; BYOC accepts EPSG:4326, 3857, 3035 and UTM (326xx/327xx).</source>
            <translation>Das KBS der Datei hat keinen EPSG-Code; BYOC akzeptiert EPSG:4326, 3857, 3035 und UTM (326xx/327xx).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>EPSG:{epsg} is not supported by BYOC; use EPSG:4326, 3857, 3035 or UTM (326xx/327xx).</source>
            <translation>EPSG:{epsg} wird von BYOC nicht unterstützt; EPSG:4326, 3857, 3035 oder UTM (326xx/327xx) verwenden.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The file extends beyond -180..180 / -90..90 degrees (crosses a pole or the valid range).</source>
            <translation>Die Datei reicht über -180..180 / -90..90 Grad hinaus (überquert einen Pol oder den gültigen Bereich).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Clip the file to the valid range or split it.</source>
            <translation>Die Datei auf den gültigen Bereich zuschneiden oder aufteilen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Sample type {types} is not supported; BYOC reads UInt8, Int8, UInt16, Int16 and Float32.</source>
            <translation>Datentyp {types} wird nicht unterstützt; BYOC liest UInt8, Int8, UInt16, Int16 und Float32.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Convert the data type (COGify's 'convert data type' option, e.g. Float64 -&gt; Float32, Int32 -&gt; Int16 after scaling).</source>
            <translation>Den Datentyp umwandeln (COGify-Option „Datentyp umwandeln“, z. B. Float64 -&gt; Float32, Int32 -&gt; Int16 nach Skalierung).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The bands of this file have different data types.</source>
            <translation>Die Kanäle dieser Datei haben verschiedene Datentypen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Write one data type per file or one file per band.</source>
            <translation>Einen Datentyp je Datei oder eine Datei je Kanal schreiben.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>{compression} compression is not supported by BYOC.</source>
            <translation>Die Kompression {compression} wird von BYOC nicht unterstützt.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The file has a colour table (photometric PALETTE), which BYOC does not support.</source>
            <translation>Die Datei hat eine Farbtabelle (photometrisch PALETTE), die BYOC nicht unterstützt.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Drop the colour table and keep the index values as grey levels (COGify does this).</source>
            <translation>Die Farbtabelle entfernen und die Indexwerte als Graustufen behalten (COGify erledigt das).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The file uses the YCbCr colour space, which BYOC does not support.</source>
            <translation>Die Datei verwendet den Farbraum YCbCr, den BYOC nicht unterstützt.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Re-create it with PHOTOMETRIC MinIsBlack or RGB and DEFLATE/ZSTD compression (COGify does this).</source>
            <translation>Sie mit PHOTOMETRIC MinIsBlack oder RGB und DEFLATE-/ZSTD-Kompression neu erzeugen (COGify erledigt das).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The file has {count} pixel-interleaved (chunky) bands; BYOC allows at most {max_chunky}.</source>
            <translation>Die Datei hat {count} pixelweise verschachtelte (chunky) Kanäle; BYOC erlaubt höchstens {max_chunky}.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Write one file per band, or a band-interleaved (planar) GeoTIFF (COGify 'one file per band').</source>
            <translation>Eine Datei je Kanal oder ein kanalweise verschachteltes (planar) GeoTIFF schreiben (COGify „eine Datei je Kanal“).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The file has {count} bands; a BYOC collection has at most {max_bands}.</source>
            <translation>Die Datei hat {count} Kanäle; eine BYOC-Kollektion hat höchstens {max_bands}.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Split the bands over fewer, smaller files or collections.</source>
            <translation>Die Kanäle auf weniger, kleinere Dateien oder Kollektionen aufteilen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Sentinel Hub ignores alpha bands and internal masks: masked pixels will show as data.</source>
            <translation>Sentinel Hub ignoriert Alphakanäle und interne Masken: maskierte Pixel erscheinen als Daten.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The image has no internal overviews; zoomed-out requests fail and ingestion may fail.</source>
            <translation>Das Bild hat keine internen Übersichten; herausgezoomte Anfragen schlagen fehl und das Einlesen kann fehlschlagen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Add internal AVERAGE overviews down to about 1024 px (COGify does this).</source>
            <translation>Interne AVERAGE-Übersichten bis etwa 1024 px hinzufügen (COGify erledigt das).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The coarsest overview is still large; zoomed-out requests will be limited.</source>
            <translation>Die gröbste Übersicht ist noch groß; herausgezoomte Anfragen werden begrenzt.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Add overview levels until the image fits one 1024-px tile (COGify does this).</source>
            <translation>Übersichtsstufen hinzufügen, bis das Bild in eine Kachel von 1024 px passt (COGify erledigt das).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Ensure tiles of image at index {index} have width and height between {min_block} and {max_block}.</source>
            <translation>Sicherstellen, dass die Kacheln des Bildes mit Index {index} eine Breite und Höhe zwischen {min_block} und {max_block} haben.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Re-create the file with BLOCKSIZE=1024 at every level, e.g. gdal_translate -of COG -co BLOCKSIZE=1024 -co OVERVIEWS=IGNORE_EXISTING (COGify does this).</source>
            <translation>Die Datei mit BLOCKSIZE=1024 auf jeder Stufe neu erzeugen, z. B. gdal_translate -of COG -co BLOCKSIZE=1024 -co OVERVIEWS=IGNORE_EXISTING (COGify erledigt das).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Internal tile sizes differ between levels; older Sentinel Hub deployments require equal sizes.</source>
            <translation>Die internen Kachelgrößen unterscheiden sich zwischen den Stufen; ältere Sentinel Hub-Bereitstellungen verlangen gleiche Größen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Re-create the file with one BLOCKSIZE for all levels (COGify does this).</source>
            <translation>Die Datei mit einer BLOCKSIZE für alle Stufen neu erzeugen (COGify erledigt das).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The file name does not end in .tif or .tiff.</source>
            <translation>Der Dateiname endet nicht auf .tif oder .tiff.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Name COG files &lt;band&gt;.tif or &lt;band&gt;.tiff.</source>
            <translation>COG-Dateien &lt;band&gt;.tif oder &lt;band&gt;.tiff nennen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The tile has no files.</source>
            <translation>Die Kachel hat keine Dateien.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Check the tile path and its (BAND) placeholder.</source>
            <translation>Den Kachelpfad und seinen Platzhalter (BAND) prüfen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The tile's files use different extensions ({extensions}); BYOC needs one per tile.</source>
            <translation>Die Dateien der Kachel haben verschiedene Endungen ({extensions}); BYOC braucht eine je Kachel.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Rename the files to one extension, e.g. all .tif.</source>
            <translation>Die Dateien auf eine Endung umbenennen, z. B. alle .tif.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The tile's files are in different CRSs; all files of a tile must share one CRS.</source>
            <translation>Die Dateien der Kachel liegen in verschiedenen KBS; alle Dateien einer Kachel müssen ein KBS teilen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Reproject the files to one CRS.</source>
            <translation>Die Dateien in ein KBS reprojizieren.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The tile's files have {total} bands together; a collection has at most {max_bands}.</source>
            <translation>Die Dateien der Kachel haben zusammen {total} Kanäle; eine Kollektion hat höchstens {max_bands}.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Split the data over several collections.</source>
            <translation>Die Daten auf mehrere Kollektionen aufteilen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The tile's files do not overlap; all files of a tile must cover the same area.</source>
            <translation>Die Dateien der Kachel überlappen nicht; alle Dateien einer Kachel müssen dasselbe Gebiet abdecken.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Put only files of the same area into one tile.</source>
            <translation>Nur Dateien desselben Gebiets in eine Kachel legen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>File {stem} extends more than one pixel beyond the area shared by all files of the tile.</source>
            <translation>Datei {stem} reicht mehr als ein Pixel über das Gebiet hinaus, das alle Dateien der Kachel teilen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The tile lacks the band file(s) {files} that the collection's bands use.</source>
            <translation>Der Kachel fehlen die Kanaldatei(en) {files}, die die Kanäle der Kollektion verwenden.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Upload a file for every band source of the collection (same file names in every tile).</source>
            <translation>Für jede Kanalquelle der Kollektion eine Datei hochladen (dieselben Dateinamen in jeder Kachel).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The tile has file(s) {files} that no band of the collection uses.</source>
            <translation>Die Kachel hat Datei(en) {files}, die kein Kanal der Kollektion verwendet.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Use the same set of file names in every tile, or add bands for these files to the collection.</source>
            <translation>Dieselben Dateinamen in jeder Kachel verwenden oder der Kollektion Kanäle für diese Dateien hinzufügen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Band {band} reads band {index} of {source}, which has only {band_count} band(s).</source>
            <translation>Kanal {band} liest Kanal {index} von {source}, die nur {band_count} Kanal/Kanäle hat.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Band {band} is configured with bit depth {wanted}, but {source} has {bit_depth}.</source>
            <translation>Kanal {band} ist mit Bittiefe {wanted} konfiguriert, aber {source} hat {bit_depth}.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Convert the file to {wanted}-bit samples (COGify 'convert data type').</source>
            <translation>Die Datei in {wanted}-Bit-Werte umwandeln (COGify „Datentyp umwandeln“).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Band {band} is configured with sample format {wanted}, but {source} is {sample_format}.</source>
            <translation>Kanal {band} ist mit Werteformat {wanted} konfiguriert, aber {source} ist {sample_format}.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Convert the file to {wanted} samples (COGify 'convert data type').</source>
            <translation>Die Datei in {wanted}-Werte umwandeln (COGify „Datentyp umwandeln“).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The first ingest would create band '{name}', which is not a valid JavaScript identifier, so evalscripts cannot use it.</source>
            <translation>Das erste Einlesen würde den Kanal '{name}' anlegen, der kein gültiger JavaScript-Bezeichner ist, sodass Evalscripts ihn nicht verwenden können.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Rename the file (letters, digits and _ only, not starting with a digit), e.g. B_08.</source>
            <translation>Die Datei umbenennen (nur Buchstaben, Ziffern und _, nicht mit einer Ziffer beginnend), z. B. B_08.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Tile {tile} does not have the same band files as the other tiles ({difference}).</source>
            <translation>Kachel {tile} hat nicht dieselben Kanaldateien wie die anderen Kacheln ({difference}).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Give every tile the same set of band file names.</source>
            <translation>Jeder Kachel dieselben Kanaldateinamen geben.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Band file {stem} is {data_type} here but {common_type} in the other tiles; files of one band must share bit depth and sample format.</source>
            <translation>Kanaldatei {stem} ist hier {data_type}, in den anderen Kacheln aber {common_type}; Dateien eines Kanals müssen Bittiefe und Werteformat teilen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Convert this file to {common_type} (COGify 'output type').</source>
            <translation>Diese Datei in {common_type} umwandeln (COGify „Ausgabetyp“).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>The file name does not match the band file pattern '{pattern}', so it belongs to no tile.</source>
            <translation>Der Dateiname passt nicht zum Muster für Kanaldateien '{pattern}' und gehört daher zu keiner Kachel.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Rename the file or change the band file pattern (FILE_PATTERN), e.g. (BAND).tif.</source>
            <translation>Die Datei umbenennen oder das Muster für Kanaldateien (FILE_PATTERN) ändern, z. B. (BAND).tif.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>the object does not exist</source>
            <translation>das Objekt existiert nicht</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Check the tile path and the (BAND) file names in the bucket.</source>
            <translation>Den Kachelpfad und die Dateinamen (BAND) im Bucket prüfen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>access refused</source>
            <translation>Zugriff verweigert</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Check the bucket name and the S3 credentials of the connection.</source>
            <translation>Den Bucket-Namen und die S3-Zugangsdaten der Verbindung prüfen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>the storage did not answer</source>
            <translation>der Speicher hat nicht geantwortet</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Check the S3 endpoint and try again later.</source>
            <translation>Den S3-Endpunkt prüfen und später erneut versuchen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>not a raster (0 bytes)</source>
            <translation>kein Raster (0 Bytes)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Upload the file again: the object is empty.</source>
            <translation>Die Datei erneut hochladen: Das Objekt ist leer.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>not a raster (unreadable)</source>
            <translation>kein Raster (nicht lesbar)</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Upload a GeoTIFF: GDAL recognises no raster format in this object.</source>
            <translation>Ein GeoTIFF hochladen: GDAL erkennt in diesem Objekt kein Rasterformat.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>the file does not exist</source>
            <translation>die Datei existiert nicht</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Check the path.</source>
            <translation>Den Pfad prüfen.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>a folder, not a raster file</source>
            <translation>ein Ordner, keine Rasterdatei</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Give the raster files in the folder, or the folder as FOLDER.</source>
            <translation>Die Rasterdateien im Ordner angeben oder den Ordner als FOLDER.</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Provide the raster again: the file is empty (an interrupted copy or export?).</source>
            <translation>Das Raster erneut bereitstellen: Die Datei ist leer (ein unterbrochenes Kopieren oder ein unterbrochener Export?).</translation>
        </message>
        <message>
            <location filename="../byoc_qgis/wording/tables.py" />
            <source>Provide a GeoTIFF: GDAL recognises no raster format in this file (wrong extension, or a damaged or interrupted download?).</source>
            <translation>Ein GeoTIFF bereitstellen: GDAL erkennt in dieser Datei kein Rasterformat (falsche Endung oder ein beschädigter oder unterbrochener Download?).</translation>
        </message>
    </context>
</TS>
