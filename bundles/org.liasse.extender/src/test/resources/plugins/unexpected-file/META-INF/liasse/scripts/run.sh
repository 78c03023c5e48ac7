#!/bin/sh
echo bonjour
