int cmd_display(int argc, char **argv) { (void)argc; (void)argv; return 0; }
