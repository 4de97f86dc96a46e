/* classes: the three interaction classes the network separates, in the order of its outputs, of the
   confusion matrix's rows and columns, and of every record's columns. The one definition of them. */
#ifndef NUTL_CLASSES_H
#define NUTL_CLASSES_H

enum event_class { CLASS_NUMU_CC = 0, CLASS_NUE_CC = 1, CLASS_NC = 2, N_CLASSES = 3 };

/* Returns the name of class c as files write it (numu_cc, nue_cc, nc), or "?" for no class. */
const char *class_name(int c);

/* Returns the label of class c in tables and figures (CC ν_μ, CC ν_e, NC; UTF-8), or "?" for no class. */
const char *class_label(int c);

/* Returns the class whose name is name, or -1 when none is. */
int class_parse(const char *name);

#endif
