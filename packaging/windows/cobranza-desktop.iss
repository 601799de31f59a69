; Inno Setup script for Cobranza Desktop (Windows). Built by .github/workflows/bundles.yml:
;   iscc /DAppVersion=0.1.0 /DSourceDir=..\..\dist\windows\cobranza-desktop packaging\windows\cobranza-desktop.iss
; Installs per user (no administrator needed), adds the Start menu entry and makes
; "*.cobranza" books open in the program. Uninstalling never removes the books: they live
; in %LOCALAPPDATA%\cobranza-desktop, which this installer never writes to.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\windows\cobranza-desktop"
#endif

[Setup]
AppId={{6F0E7C52-2B7B-4D0B-9D55-C0B7A4E6A1F3}
AppName=Cobranza Desktop
AppVersion={#AppVersion}
AppPublisher=Cobranza Desktop
DefaultDirName={autopf}\Cobranza Desktop
DefaultGroupName=Cobranza Desktop
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
OutputDir=..\..\dist\windows
OutputBaseFilename=cobranza-desktop-{#AppVersion}-windows-setup
SetupIconFile=..\..\resources\icons\cobranza.ico
UninstallDisplayIcon={app}\Cobranza Desktop.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Cobranza Desktop"; Filename: "{app}\Cobranza Desktop.exe"
Name: "{autodesktop}\Cobranza Desktop"; Filename: "{app}\Cobranza Desktop.exe"; Tasks: desktopicon

[Registry]
; A book named *.cobranza opens in the program (per user: HKCU\Software\Classes).
Root: HKA; Subkey: "Software\Classes\.cobranza"; ValueType: string; ValueName: ""; ValueData: "CobranzaDesktop.Book"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.cobranza\OpenWithProgids"; ValueType: string; ValueName: "CobranzaDesktop.Book"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\CobranzaDesktop.Book"; ValueType: string; ValueName: ""; ValueData: "Libro de Cobranza Desktop"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\CobranzaDesktop.Book\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\Cobranza Desktop.exe,0"
Root: HKA; Subkey: "Software\Classes\CobranzaDesktop.Book\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\Cobranza Desktop.exe"" ""%1"""
; Offer the program in "Open with" for SQLite books too, without taking .sqlite over.
Root: HKA; Subkey: "Software\Classes\.sqlite\OpenWithProgids"; ValueType: string; ValueName: "CobranzaDesktop.Book"; ValueData: ""; Flags: uninsdeletevalue

[Run]
Filename: "{app}\Cobranza Desktop.exe"; Description: "{cm:LaunchProgram,Cobranza Desktop}"; Flags: nowait postinstall skipifsilent
