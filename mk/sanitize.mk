# make test SANITIZE=1: bin/nutl, nutl-analyse and every test program built with AddressSanitizer and
# UndefinedBehaviorSanitizer (gcc's), in build/<variant>-san, and the whole suite run on them; the first
# report stops the program with exit status 86, which fails its test. Each test runs once (the
# instruction-set repeats of tests/each-isa are for the plain build). Darknet's own code and the system
# libraries are not instrumented (their memory is still checked where our code touches it).
# Included by the Makefile before it names the build folder (and again by its mk/*.mk: done once).
SANITIZE ?= 0
ifeq ($(SANITIZE)$(SAN_FLAGS),1)
VARIANT := $(VARIANT)-san
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
# Leaks: Darknet never frees a network or its layers, by design of a program that exits after one task,
# so leak reports are confined to our code by tests/sanitize.supp.
SAN_ENV := ASAN_OPTIONS=exitcode=86:detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitize.supp:print_suppressions=0 \
	UBSAN_OPTIONS=halt_on_error=1:exitcode=86:print_stacktrace=1 NUTL_TEST_ISAS=
endif
