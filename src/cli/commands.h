/* commands: the subcommands of bin/nutl. Each takes the arguments after its name and returns the
   process exit status (0 on success); bad input ends the process through nutl_die. */
#ifndef NUTL_COMMANDS_H
#define NUTL_COMMANDS_H

int cmd_convert(int argc, char **argv);
int cmd_forward(int argc, char **argv);
int cmd_params(int argc, char **argv);
int cmd_seed(int argc, char **argv);
int cmd_simulate(int argc, char **argv);
int cmd_ingredients(int argc, char **argv);
int cmd_display(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_train(int argc, char **argv);
int cmd_evaluate(int argc, char **argv);
int cmd_grid(int argc, char **argv);
int cmd_bench(int argc, char **argv);
int cmd_records(int argc, char **argv);
int cmd_conf(int argc, char **argv);
int cmd_separability(int argc, char **argv);
int cmd_diagram(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_import_dune_cvn(int argc, char **argv);
int cmd_import_deposits(int argc, char **argv);

#endif
