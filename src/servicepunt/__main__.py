from servicepunt.cli import main

main()
