from cobranza_desktop.cli import main

raise SystemExit(main())
